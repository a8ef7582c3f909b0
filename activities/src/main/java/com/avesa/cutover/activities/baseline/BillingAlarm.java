package com.avesa.cutover.activities.baseline;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.aws.Failures;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * The billing alarm: AWS/Billing EstimatedCharges (USD, maximum over 6 hours) above the threshold
 * notifies the alert topic. Billing metrics exist only in us-east-1, so the alarm lives there
 * whatever the estate's region. An alarm of that name with another definition is put again.
 */
final class BillingAlarm {
  static final String KIND = "cloudwatch-alarm";
  static final String NAME = "avesa-billing-estimated-charges";
  static final String BILLING_REGION = "us-east-1";
  private static final int SIX_HOURS = 21_600;

  private final AwsClients clients;

  BillingAlarm(AwsClients clients) {
    this.clients = clients;
  }

  void ensure(Estate admin, int threshold, String topicArn, StepReport report) {
    if (topicArn == null || topicArn.isBlank()) {
      throw Failures.nonRetryable(FailureType.BAD_CONFIG,
          "the billing alarm needs the alert topic's ARN: ensure the alert topic first and pass its topicArn");
    }
    CloudWatchClient cloudWatch = cloudWatch(admin);
    String item = "cloudwatch alarm " + NAME;
    PutMetricAlarmRequest wanted = definition(threshold, topicArn);
    Optional<MetricAlarm> existing = BaselineFailures.call("read alarm " + NAME, () -> cloudWatch
        .describeAlarms(b -> b.alarmNames(NAME)).metricAlarms().stream().findFirst());
    if (existing.isPresent()) {
      List<String> differences = differences(existing.get(), wanted);
      if (differences.isEmpty()) {
        report.inPlace(item, "threshold " + threshold);
        return;
      }
      put(cloudWatch, wanted);
      report.changed(item, String.join(", ", differences));
      return;
    }
    put(cloudWatch, wanted);
    report.created(item, KIND, NAME);
  }

  /** Deletes alarm {@code name}; a missing one is gone already. */
  void remove(Estate admin, String name) {
    try {
      BaselineFailures.run("delete alarm " + name, () -> cloudWatch(admin).deleteAlarms(b -> b.alarmNames(name)));
    } catch (ResourceNotFoundException gone) {
      // already deleted
    }
  }

  private CloudWatchClient cloudWatch(Estate admin) {
    Estate billing = new Estate(BILLING_REGION, admin.endpoint(), admin.source(), admin.target(), admin.config());
    return clients.cloudWatch(billing, Side.TARGET);
  }

  private static void put(CloudWatchClient cloudWatch, PutMetricAlarmRequest alarm) {
    BaselineFailures.run("put alarm " + NAME + " (" + BILLING_REGION + ")", () -> cloudWatch.putMetricAlarm(alarm));
  }

  private static PutMetricAlarmRequest definition(int threshold, String topicArn) {
    return PutMetricAlarmRequest.builder()
        .alarmName(NAME)
        .alarmDescription("AVESA production: estimated charges above " + threshold + " USD")
        .namespace("AWS/Billing")
        .metricName("EstimatedCharges")
        .dimensions(Dimension.builder().name("Currency").value("USD").build())
        .statistic(Statistic.MAXIMUM)
        .period(SIX_HOURS)
        .evaluationPeriods(1)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
        .threshold((double) threshold)
        .alarmActions(topicArn)
        .build();
  }

  /** How {@code present} differs from {@code wanted}, in words ("threshold 1000 (was 500)"). */
  private static List<String> differences(MetricAlarm present, PutMetricAlarmRequest wanted) {
    List<String> differences = new ArrayList<>();
    if (!wanted.threshold().equals(present.threshold())) {
      differences.add("threshold " + amount(wanted.threshold()) + " (was " + amount(present.threshold()) + ")");
    }
    if (!wanted.alarmActions().equals(present.alarmActions())) {
      differences.add("alarm action " + wanted.alarmActions() + " (was " + present.alarmActions() + ")");
    }
    boolean sameMetric = wanted.namespace().equals(present.namespace())
        && wanted.metricName().equals(present.metricName())
        && wanted.dimensions().equals(present.dimensions())
        && wanted.statistic() == present.statistic()
        && wanted.period().equals(present.period())
        && wanted.evaluationPeriods().equals(present.evaluationPeriods())
        && wanted.comparisonOperator() == present.comparisonOperator();
    if (!sameMetric) {
      differences.add("metric AWS/Billing EstimatedCharges (USD, maximum over 6 h) above the threshold"
          + " (was " + present.namespace() + " " + present.metricName() + ")");
    }
    return differences;
  }

  private static String amount(Double value) {
    return value == null ? "none" : new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
  }
}
