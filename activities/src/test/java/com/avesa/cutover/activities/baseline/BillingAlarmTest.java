package com.avesa.cutover.activities.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.account.BaselineRequest;
import com.avesa.cutover.workflows.account.BaselineStep;
import com.avesa.cutover.workflows.account.CreatedResource;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

class BillingAlarmTest extends BaselineTestBase {
  static final String TOPIC_ARN = "arn:aws:sns:us-east-1:" + ACCOUNT + ":" + TOPIC;
  static final String NAME = BillingAlarm.NAME;

  @Test
  void createsTheAlarmInUsEast1WhateverTheEstatesRegion() {
    Estate frankfurt = new Estate("eu-central-1", admin.endpoint(), admin.source(), admin.target());

    BaselineStep step = activities.ensureBillingAlarm(new BaselineRequest(frankfurt, ACCOUNT, security(1000), TOPIC_ARN));

    assertThat(step.created()).containsExactly(new CreatedResource(BillingAlarm.KIND, NAME));
    MetricAlarm alarm = alarm(admin).orElseThrow();
    assertThat(alarm.namespace()).isEqualTo("AWS/Billing");
    assertThat(alarm.metricName()).isEqualTo("EstimatedCharges");
    assertThat(alarm.dimensions()).containsExactly(Dimension.builder().name("Currency").value("USD").build());
    assertThat(alarm.statistic()).isEqualTo(Statistic.MAXIMUM);
    assertThat(alarm.period()).isEqualTo(21_600);
    assertThat(alarm.evaluationPeriods()).isEqualTo(1);
    assertThat(alarm.comparisonOperator()).isEqualTo(ComparisonOperator.GREATER_THAN_THRESHOLD);
    assertThat(alarm.threshold()).isEqualTo(1000.0);
    assertThat(alarm.alarmActions()).containsExactly(TOPIC_ARN);
    assertThat(alarm(frankfurt)).isEmpty();
    assertThat(clients.cloudWatch(admin, Side.SOURCE).describeAlarms().metricAlarms()).isEmpty();
  }

  @Test
  void aSecondRunWithTheSameThresholdChangesNothing() {
    activities.ensureBillingAlarm(request(security(1000), TOPIC_ARN));

    BaselineStep second = activities.ensureBillingAlarm(request(security(1000), TOPIC_ARN));

    assertThat(second.changed()).isEmpty();
    assertThat(second.created()).isEmpty();
    assertThat(second.unchanged()).containsExactly(
        new PhaseItem("cloudwatch alarm " + NAME, "already in place (threshold 1000)"));
  }

  @Test
  void anotherThresholdIsPutAgainAndReportedAsChanged() {
    activities.ensureBillingAlarm(request(security(500), TOPIC_ARN));

    BaselineStep step = activities.ensureBillingAlarm(request(security(1000), TOPIC_ARN));

    assertThat(step.changed()).containsExactly(new PhaseItem("cloudwatch alarm " + NAME, "threshold 1000 (was 500)"));
    assertThat(step.created()).isEmpty();
    assertThat(alarm(admin).orElseThrow().threshold()).isEqualTo(1000.0);
  }

  @Test
  void withoutTheTopicItFailsNamingWhatIsMissing() {
    assertThatThrownBy(() -> activities.ensureBillingAlarm(request(security(1000), null)))
        .isInstanceOfSatisfying(ApplicationFailure.class, e -> {
          assertThat(e.isNonRetryable()).isTrue();
          assertThat(e.getType()).isEqualTo(FailureType.BAD_CONFIG.type());
          assertThat(e.getOriginalMessage()).contains("alert topic");
        });
    assertThat(alarm(admin)).isEmpty();
  }

  @Test
  void removeDeletesTheAlarmAndASecondRemoveIsFine() {
    activities.ensureBillingAlarm(request(security(1000), TOPIC_ARN));

    remove(BillingAlarm.KIND, NAME);
    remove(BillingAlarm.KIND, NAME);

    assertThat(alarm(admin)).isEmpty();
  }

  private Optional<MetricAlarm> alarm(Estate estate) {
    CloudWatchClient cloudWatch = clients.cloudWatch(estate, Side.TARGET);
    List<MetricAlarm> alarms = cloudWatch.describeAlarms(b -> b.alarmNames(NAME)).metricAlarms();
    return alarms.stream().findFirst();
  }
}
