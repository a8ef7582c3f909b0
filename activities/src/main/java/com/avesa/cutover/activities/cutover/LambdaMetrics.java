package com.avesa.cutover.activities.cutover;

import com.avesa.cutover.activities.aws.Failures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * Per-function AWS/Lambda metrics (dimension FunctionName) of one account, read with one
 * GetMetricData call per question, at the one-minute period Lambda publishes. Read-only.
 */
final class LambdaMetrics {
  static final String NAMESPACE = "AWS/Lambda";
  private static final int PERIOD_SECONDS = 60;

  private final CloudWatchClient cloudWatch;
  private final String where;

  /** @param where the side and account for messages, e.g. {@code source account 123456789012} */
  LambdaMetrics(CloudWatchClient cloudWatch, String where) {
    this.cloudWatch = cloudWatch;
    this.where = where;
  }

  /** Each function's value of {@code metric} (Maximum) in its latest minute with data in [from, to); absent without data. */
  Map<String, Double> latestMaximum(List<String> functions, String metric, Instant from, Instant to) {
    Map<String, Double> latest = new HashMap<>();
    Map<String, Instant> at = new HashMap<>();
    read(functions, metric, "Maximum", from, to, (function, time, value) -> {
      if (!at.containsKey(function) || time.isAfter(at.get(function))) {
        at.put(function, time);
        latest.put(function, value);
      }
    });
    return latest;
  }

  /** The sum of {@code metric} over all {@code functions} in [from, to). */
  long sum(List<String> functions, String metric, Instant from, Instant to) {
    double[] total = {0};
    read(functions, metric, "Sum", from, to, (function, time, value) -> total[0] += value);
    return Math.round(total[0]);
  }

  private void read(List<String> functions, String metric, String stat, Instant from, Instant to, Datapoint each) {
    if (functions.isEmpty()) {
      return;
    }
    List<MetricDataQuery> queries = new ArrayList<>();
    for (int i = 0; i < functions.size(); i++) {
      String function = functions.get(i);
      queries.add(MetricDataQuery.builder().id("f" + i).returnData(true).metricStat(s -> s.period(PERIOD_SECONDS)
          .stat(stat).metric(m -> m.namespace(NAMESPACE).metricName(metric)
              .dimensions(d -> d.name("FunctionName").value(function)))).build());
    }
    Instant end = to.isAfter(from) ? to : from.plus(Duration.ofSeconds(PERIOD_SECONDS));
    String token = null;
    do {
      String next = token;
      GetMetricDataResponse page = Failures.classified("read " + NAMESPACE + " " + metric + " (" + where + ")",
          () -> cloudWatch.getMetricData(GetMetricDataRequest.builder().metricDataQueries(queries).startTime(from)
              .endTime(end).scanBy(ScanBy.TIMESTAMP_DESCENDING).nextToken(next).build()));
      for (MetricDataResult result : page.metricDataResults()) {
        String function = functions.get(Integer.parseInt(result.id().substring(1)));
        for (int i = 0; i < Math.min(result.timestamps().size(), result.values().size()); i++) {
          each.accept(function, result.timestamps().get(i), result.values().get(i));
        }
      }
      token = page.nextToken();
    } while (token != null && !token.isEmpty());
  }

  private interface Datapoint {
    void accept(String function, Instant time, double value);
  }
}
