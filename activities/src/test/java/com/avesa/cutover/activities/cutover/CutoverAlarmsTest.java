package com.avesa.cutover.activities.cutover;

import com.avesa.cutover.activities.aws.Failures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.avesa.cutover.workflows.config.AlarmSelector;
import com.avesa.cutover.workflows.cutover.AlarmCheck;
import com.avesa.cutover.workflows.cutover.AlarmRequest;
import com.avesa.cutover.workflows.estate.Side;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

class CutoverAlarmsTest extends CutoverTestBase {
  static final String INGESTION = "LambdaErrorAlarm-avesa-connectwise-ingestion-prod";
  static final String TRANSFORM = "LambdaErrorAlarm-avesa-canonical-transform-prod";
  static final String QUEUE = "QueueDepthAlarm-avesa-ingest";

  private CloudWatchClient target;

  @BeforeEach
  void setUp() {
    target = clients.cloudWatch(estate, Side.TARGET);
    for (String alarm : List.of(INGESTION, TRANSFORM, QUEUE)) {
      putAlarm(target, alarm);
    }
  }

  @Test
  void anAlarmInAlarmIsReportedByNameWithItsReason() {
    setState(INGESTION, StateValue.ALARM, "Threshold Crossed: 3 errors");

    AlarmCheck check = check(new AlarmSelector(List.of(INGESTION, QUEUE), null));

    assertThat(check.checked()).isEqualTo(2);
    assertThat(check.inAlarm()).containsExactly(INGESTION + ": Threshold Crossed: 3 errors");
  }

  @Test
  void anAlarmInAlarmIsReportedByPrefixAndOkOnesAreNot() {
    setState(TRANSFORM, StateValue.ALARM, "Threshold Crossed: 1 error");
    setState(INGESTION, StateValue.OK, "back to normal");
    setState(QUEUE, StateValue.ALARM, "queue too deep");

    AlarmCheck check = check(new AlarmSelector(List.of(), "LambdaErrorAlarm-"));

    assertThat(check.checked()).isEqualTo(2);
    assertThat(check.inAlarm()).containsExactly(TRANSFORM + ": Threshold Crossed: 1 error");
  }

  @Test
  void anAlarmMatchedByNameAndPrefixCountsOnce() {
    setState(INGESTION, StateValue.ALARM, "Threshold Crossed");

    AlarmCheck check = check(new AlarmSelector(List.of(INGESTION, QUEUE), "LambdaErrorAlarm-"));

    assertThat(check.checked()).isEqualTo(3);
    assertThat(check.inAlarm()).containsExactly(INGESTION + ": Threshold Crossed");
  }

  @Test
  void okAlarmsAreCheckedButNotReported() {
    AlarmCheck check = check(new AlarmSelector(List.of(INGESTION, TRANSFORM, QUEUE), null));

    assertThat(check.checked()).isEqualTo(3);
    assertThat(check.inAlarm()).isEmpty();
  }

  @Test
  void readsMoreNamesThanOneDescribeAlarmsCallTakes() {
    List<String> names = IntStream.range(0, 120).mapToObj(i -> "Many-" + i).toList();
    names.forEach(name -> putAlarm(target, name));
    setState("Many-117", StateValue.ALARM, "late in the list");

    AlarmCheck check = check(new AlarmSelector(names, null));

    assertThat(check.checked()).isEqualTo(120);
    assertThat(check.inAlarm()).containsExactly("Many-117: late in the list");
  }

  @Test
  void looksOnlyAtTheSideItIsTold() {
    setState(INGESTION, StateValue.ALARM, "Threshold Crossed");

    AlarmCheck source =
        activities.checkAlarms(new AlarmRequest(estate, Side.SOURCE, new AlarmSelector(List.of(INGESTION), null)));

    assertThat(source.checked()).isZero();
    assertThat(source.inAlarm()).isEmpty();
  }

  @Test
  void cloudWatchErrorsFromTheEmulatorKeepTheirCodeAndStatus() {
    Throwable thrown = catchThrowable(() -> setState("NoSuchAlarm", StateValue.ALARM, "test"));

    assertThat(thrown).isInstanceOf(CloudWatchException.class);
    CloudWatchException error = (CloudWatchException) thrown;
    assertThat(error.statusCode()).isEqualTo(404);
    assertThat(error.awsErrorDetails().errorCode()).endsWith("ResourceNotFound");
    assertThat(Failures.isNotFound(error)).isTrue();
  }

  private AlarmCheck check(AlarmSelector selector) {
    return activities.checkAlarms(new AlarmRequest(estate, Side.TARGET, selector));
  }

  private void setState(String alarm, StateValue state, String reason) {
    target.setAlarmState(b -> b.alarmName(alarm).stateValue(state).stateReason(reason));
  }

  static void putAlarm(CloudWatchClient cloudWatch, String name) {
    cloudWatch.putMetricAlarm(b -> b.alarmName(name).namespace("AWS/Lambda").metricName("Errors").statistic(Statistic.SUM)
        .period(60).evaluationPeriods(1).threshold(1.0)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD));
  }
}
