package com.avesa.cutover.activities.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.activities.SignedJsonCalls;
import com.avesa.cutover.activities.SignedJsonCalls.Service;
import com.avesa.cutover.workflows.account.BaselineStep;
import com.avesa.cutover.workflows.account.CreatedResource;
import com.avesa.cutover.workflows.migration.Side;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

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
    JsonNode recorder = config(Side.TARGET, "DescribeConfigurationRecorders").path("ConfigurationRecorders").path(0);
    assertThat(recorder.path("roleARN").asText()).isEqualTo(ROLE);
    assertThat(recorder.path("recordingGroup").path("allSupported").asBoolean()).isTrue();
    assertThat(recorder.path("recordingGroup").path("includeGlobalResourceTypes").asBoolean()).isTrue();
    JsonNode channel = config(Side.TARGET, "DescribeDeliveryChannels").path("DeliveryChannels").path(0);
    assertThat(channel.path("s3BucketName").asText()).isEqualTo(BUCKET);
    assertThat(channel.path("s3KeyPrefix").asText()).isEqualTo("config");
    assertThat(recording()).isTrue();
    assertThat(config(Side.SOURCE, "DescribeConfigurationRecorders").path("ConfigurationRecorders")).isEmpty();
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
    ObjectNode body = SignedJsonCalls.body();
    ObjectNode recorder = body.putObject("ConfigurationRecorder").put("name", "legacy").put("roleARN", ROLE);
    recorder.putObject("recordingGroup").putArray("resourceTypes").add("AWS::S3::Bucket");
    calls.jsonRpc(admin, Side.TARGET, Service.CONFIG, "StarlingDoveService", "PutConfigurationRecorder", body);

    BaselineStep step = activities.ensureConfigRecorder(request(security(1000)));

    assertThat(step.changed()).contains(new PhaseItem("config recorder legacy",
        "records all supported resource types, global ones included (was a subset)"));
    assertThat(step.created()).doesNotContain(new CreatedResource(ConfigRecorder.RECORDER_KIND, "legacy"));
    assertThat(config(Side.TARGET, "DescribeConfigurationRecorders").path("ConfigurationRecorders"))
        .singleElement().satisfies(r -> assertThat(r.path("recordingGroup").path("allSupported").asBoolean()).isTrue());
    assertThat(lines(step.changed())).contains("config recording legacy: started");
  }

  @Test
  void removeDeletesChannelAndRecorderAndASecondRemoveIsFine() {
    activities.ensureConfigRecorder(request(security(1000)));

    for (int round = 0; round < 2; round++) {
      remove(ConfigRecorder.CHANNEL_KIND, "default");
      remove(ConfigRecorder.RECORDER_KIND, "default");
    }

    assertThat(config(Side.TARGET, "DescribeDeliveryChannels").path("DeliveryChannels")).isEmpty();
    assertThat(config(Side.TARGET, "DescribeConfigurationRecorders").path("ConfigurationRecorders")).isEmpty();
  }

  private JsonNode config(Side side, String operation) {
    return calls.jsonRpc(admin, side, Service.CONFIG, "StarlingDoveService", operation, SignedJsonCalls.body());
  }

  private boolean recording() {
    return config(Side.TARGET, "DescribeConfigurationRecorderStatus")
        .path("ConfigurationRecordersStatus").path(0).path("recording").asBoolean();
  }
}
