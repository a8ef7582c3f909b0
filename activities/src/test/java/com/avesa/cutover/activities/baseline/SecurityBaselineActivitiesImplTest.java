package com.avesa.cutover.activities.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.account.BaselineStep;
import com.avesa.cutover.workflows.account.CreatedResource;
import com.avesa.cutover.workflows.config.SecurityConfig;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole baseline, in the order account setup runs it. */
class SecurityBaselineActivitiesImplTest extends BaselineTestBase {
  private static final SecurityConfig SECURITY = security(1000, "ops@avesa.example.com", "cto@avesa.example.com");

  @Test
  void aSecondRunOfTheWholeBaselineChangesNothing() {
    List<BaselineStep> first = baseline();
    assertThat(first).allSatisfy(step -> assertThat(step.changed()).isNotEmpty());
    assertThat(first).flatMap(BaselineStep::created).extracting(CreatedResource::kind).containsExactlyInAnyOrder(
        GuardDutyDetector.KIND, TrailBucket.KIND, ConfigRecorder.RECORDER_KIND, ConfigRecorder.CHANNEL_KIND,
        AuditTrail.KIND, AlertTopic.TOPIC_KIND, AlertTopic.SUBSCRIPTION_KIND, AlertTopic.SUBSCRIPTION_KIND,
        BillingAlarm.KIND);

    List<BaselineStep> second = baseline();

    assertThat(second).flatMap(BaselineStep::changed).isEmpty();
    assertThat(second).flatMap(BaselineStep::created).isEmpty();
    assertThat(second).flatMap(BaselineStep::unchanged).extracting(PhaseItem::detail)
        .allSatisfy(detail -> assertThat(detail).startsWith(PhaseItem.IN_PLACE));
    assertThat(second).flatMap(BaselineStep::unchanged).hasSize(14);
  }

  @Test
  void nothingIsCreatedInTheSourceAccount() {
    baseline();

    assertThat(clients.guardDuty(admin, Side.SOURCE).listDetectors().detectorIds()).isEmpty();
    assertThat(clients.sns(admin, Side.SOURCE).listTopics().topics()).isEmpty();
    assertThat(clients.cloudTrail(admin, Side.SOURCE).describeTrails().trailList()).isEmpty();
    assertThat(clients.cloudWatch(admin, Side.SOURCE).describeAlarms().metricAlarms()).isEmpty();
  }

  @Test
  void removingWhatWasCreatedInReverseLeavesARunThatCreatesItAllAgain() {
    List<CreatedResource> created = new ArrayList<>();
    baseline().forEach(step -> created.addAll(step.created()));
    Collections.reverse(created);

    created.forEach(resource -> remove(resource.kind(), resource.id()));

    List<BaselineStep> again = baseline();
    assertThat(again).flatMap(BaselineStep::created).hasSameSizeAs(created);
    // The Config step created the bucket again; the CloudTrail step found it.
    assertThat(again).flatMap(BaselineStep::unchanged).extracting(PhaseItem::item)
        .containsExactly("s3 bucket " + BUCKET, "s3 bucket policy " + BUCKET);
  }

  @Test
  void removingAnUnknownKindFailsWithoutRetrying() {
    assertThatThrownBy(() -> remove("ec2-instance", "i-123"))
        .isInstanceOfSatisfying(ApplicationFailure.class, e -> {
          assertThat(e.isNonRetryable()).isTrue();
          assertThat(e.getType()).isEqualTo(FailureType.BAD_CONFIG.type());
          assertThat(e.getOriginalMessage()).contains("ec2-instance");
        });
  }

  /** GuardDuty, Config, CloudTrail, topic, alarm — each step's answer. */
  private List<BaselineStep> baseline() {
    BaselineStep guardDuty = activities.ensureGuardDuty(request(SECURITY));
    BaselineStep config = activities.ensureConfigRecorder(request(SECURITY));
    BaselineStep trail = activities.ensureCloudTrail(request(SECURITY));
    BaselineStep topic = activities.ensureAlertTopic(request(SECURITY));
    BaselineStep alarm = activities.ensureBillingAlarm(request(SECURITY, topic.topicArn()));
    return List.of(guardDuty, config, trail, topic, alarm);
  }
}
