package com.avesa.cutover.activities.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.workflows.account.BaselineStep;
import com.avesa.cutover.workflows.account.CreatedResource;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.config.model.ConfigurationRecorder;
import software.amazon.awssdk.services.config.model.ConfigurationRecorderStatus;
import software.amazon.awssdk.services.config.model.DeliveryChannel;

class ConfigRecorderTest extends BaselineTestBase {
  static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig";

  @Test
  void createsTheBucketRecorderAndChannelAndStartsRecording() {
    BaselineStep step = activities.ensureConfigRecorder(request(security(1000)));

    assertThat(step.created()).containsExactly(new CreatedResource(TrailBucket.KIND, BUCKET),
        new CreatedResource(ConfigRecorder.RECORDER_KIND, "default"),
        new CreatedResource(ConfigRecorder.CHANNEL_KIND, "default"));
    assertThat(lines(step.changed())).contains("config recorder default: created",
        "config delivery channel default: created", "config recording default: started");
    ConfigurationRecorder recorder = recorders(Side.TARGET).get(0);
    assertThat(recorder.roleARN()).isEqualTo(ROLE);
    assertThat(recorder.recordingGroup().allSupported()).isTrue();
    assertThat(recorder.recordingGroup().includeGlobalResourceTypes()).isTrue();
    DeliveryChannel channel = channels(Side.TARGET).get(0);
    assertThat(channel.s3BucketName()).isEqualTo(BUCKET);
    assertThat(channel.s3KeyPrefix()).isEqualTo("config");
    assertThat(recording()).isTrue();
    assertThat(recorders(Side.SOURCE)).isEmpty();
  }

  @Test
  void aSecondRunFindsEverythingInPlace() {
    activities.ensureConfigRecorder(request(security(1000)));

    BaselineStep second = activities.ensureConfigRecorder(request(security(1000)));

    assertThat(second.changed()).isEmpty();
    assertThat(second.created()).isEmpty();
    assertThat(lines(second.unchanged())).containsExactly(
        "s3 bucket " + BUCKET + ": already in place",
        "s3 bucket policy " + BUCKET + ": already in place (CloudTrail and AWS Config statements)",
        "config recorder default: already in place (all supported resource types, global ones included)",
        "config delivery channel default: already in place (into s3://" + BUCKET + "/config)",
        "config recording default: already in place (recording)");
  }

  @Test
  void keepsAnExistingRecorderUnderItsNameAndWidensItsRecording() {
    clients.config(admin, Side.TARGET).putConfigurationRecorder(b -> b.configurationRecorder(r -> r
        .name("legacy").roleARN(ROLE).recordingGroup(g -> g.resourceTypesWithStrings("AWS::S3::Bucket"))));

    BaselineStep step = activities.ensureConfigRecorder(request(security(1000)));

    assertThat(step.changed()).contains(new PhaseItem("config recorder legacy",
        "records all supported resource types, global ones included (was a subset)"));
    assertThat(step.created()).doesNotContain(new CreatedResource(ConfigRecorder.RECORDER_KIND, "legacy"));
    assertThat(recorders(Side.TARGET))
        .singleElement().satisfies(r -> assertThat(r.recordingGroup().allSupported()).isTrue());
    assertThat(lines(step.changed())).contains("config recording legacy: started");
  }

  @Test
  void removeDeletesChannelAndRecorderAndASecondRemoveIsFine() {
    activities.ensureConfigRecorder(request(security(1000)));

    for (int round = 0; round < 2; round++) {
      remove(ConfigRecorder.CHANNEL_KIND, "default");
      remove(ConfigRecorder.RECORDER_KIND, "default");
    }

    assertThat(channels(Side.TARGET)).isEmpty();
    assertThat(recorders(Side.TARGET)).isEmpty();
  }

  private List<ConfigurationRecorder> recorders(Side side) {
    return clients.config(admin, side).describeConfigurationRecorders().configurationRecorders();
  }

  private List<DeliveryChannel> channels(Side side) {
    return clients.config(admin, side).describeDeliveryChannels().deliveryChannels();
  }

  private boolean recording() {
    List<ConfigurationRecorderStatus> statuses =
        clients.config(admin, Side.TARGET).describeConfigurationRecorderStatus().configurationRecordersStatus();
    return !statuses.isEmpty() && Boolean.TRUE.equals(statuses.get(0).recording());
  }
}
