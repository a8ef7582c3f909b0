package com.avesa.cutover.activities.baseline;

import com.avesa.cutover.activities.SignedJsonCalls;
import com.avesa.cutover.activities.SignedJsonCalls.AwsCallException;
import com.avesa.cutover.activities.SignedJsonCalls.Service;
import com.avesa.cutover.workflows.migration.Estate;
import com.avesa.cutover.workflows.migration.Side;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * AWS Config in the estate's region: a configuration recorder for every supported resource type
 * (global ones included) under Config's service-linked role, a delivery channel into the trail
 * bucket's {@value TrailBucketPolicy#CONFIG_PREFIX} prefix, and recording started. Config allows
 * one recorder and one channel per account and region: existing ones are kept under their names
 * and brought to this shape.
 */
final class ConfigRecorder {
  static final String RECORDER_KIND = "config-recorder";
  static final String CHANNEL_KIND = "config-delivery-channel";
  private static final String TARGET_PREFIX = "StarlingDoveService";
  private static final String DEFAULT_NAME = "default";

  private final SignedJsonCalls calls;

  ConfigRecorder(SignedJsonCalls calls) {
    this.calls = calls;
  }

  /** The recorder, its channel into {@code bucket} (which must exist) and recording. */
  void ensure(Estate admin, String accountId, String bucket, StepReport report) {
    String recorder = ensureRecorder(admin, accountId, report);
    ensureChannel(admin, bucket, report);
    ensureRecording(admin, recorder, report);
  }

  /** Stops and deletes recorder {@code name}; a missing one is gone already. */
  void removeRecorder(Estate admin, String name) {
    try {
      call(admin, "StopConfigurationRecorder", SignedJsonCalls.body().put("ConfigurationRecorderName", name));
      call(admin, "DeleteConfigurationRecorder", SignedJsonCalls.body().put("ConfigurationRecorderName", name));
    } catch (AwsCallException e) {
      if (!BaselineFailures.hasCode(e, "NoSuchConfigurationRecorderException")) {
        throw e;
      }
    }
  }

  /**
   * Deletes delivery channel {@code name}; a missing one is gone already. Config refuses to delete
   * the channel of a recorder that records, so recording stops first: without this channel there
   * is nowhere to deliver to anyway.
   */
  void removeChannel(Estate admin, String name) {
    try {
      for (JsonNode status : call(admin, "DescribeConfigurationRecorderStatus", SignedJsonCalls.body())
          .path("ConfigurationRecordersStatus")) {
        if (status.path("recording").asBoolean()) {
          call(admin, "StopConfigurationRecorder",
              SignedJsonCalls.body().put("ConfigurationRecorderName", status.path("name").asText()));
        }
      }
      call(admin, "DeleteDeliveryChannel", SignedJsonCalls.body().put("DeliveryChannelName", name));
    } catch (AwsCallException e) {
      if (!BaselineFailures.hasCode(e, "NoSuchDeliveryChannelException")) {
        throw e;
      }
    }
  }

  private String ensureRecorder(Estate admin, String accountId, StepReport report) {
    JsonNode existing = describe(admin, "DescribeConfigurationRecorders", "ConfigurationRecorders");
    String roleArn = "arn:aws:iam::" + accountId
        + ":role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig";
    if (existing == null) {
      putRecorder(admin, DEFAULT_NAME, roleArn);
      report.created(recorderItem(DEFAULT_NAME), RECORDER_KIND, DEFAULT_NAME);
      return DEFAULT_NAME;
    }
    String name = existing.path("name").asText();
    JsonNode group = existing.path("recordingGroup");
    if (group.path("allSupported").asBoolean() && group.path("includeGlobalResourceTypes").asBoolean()) {
      report.inPlace(recorderItem(name), "all supported resource types, global ones included");
      return name;
    }
    // An existing recorder keeps its role: the account may have set one up deliberately.
    putRecorder(admin, name, existing.path("roleARN").asText(roleArn));
    report.changed(recorderItem(name), "records all supported resource types, global ones included (was a subset)");
    return name;
  }

  private void ensureChannel(Estate admin, String bucket, StepReport report) {
    JsonNode existing = describe(admin, "DescribeDeliveryChannels", "DeliveryChannels");
    String destination = "s3://" + bucket + "/" + TrailBucketPolicy.CONFIG_PREFIX;
    if (existing == null) {
      putChannel(admin, DEFAULT_NAME, bucket);
      report.created(channelItem(DEFAULT_NAME), CHANNEL_KIND, DEFAULT_NAME);
      return;
    }
    String name = existing.path("name").asText();
    String current = "s3://" + existing.path("s3BucketName").asText() + "/" + existing.path("s3KeyPrefix").asText("");
    if (current.equals(destination)) {
      report.inPlace(channelItem(name), "into " + destination);
      return;
    }
    putChannel(admin, name, bucket);
    report.changed(channelItem(name), "into " + destination + " (was " + current + ")");
  }

  private void ensureRecording(Estate admin, String recorder, StepReport report) {
    JsonNode status = call(admin, "DescribeConfigurationRecorderStatus",
        names("ConfigurationRecorderNames", recorder)).path("ConfigurationRecordersStatus").path(0);
    String item = "config recording " + recorder;
    if (status.path("recording").asBoolean()) {
      report.inPlace(item, "recording");
      return;
    }
    call(admin, "StartConfigurationRecorder", SignedJsonCalls.body().put("ConfigurationRecorderName", recorder));
    report.changed(item, "started");
  }

  private void putRecorder(Estate admin, String name, String roleArn) {
    ObjectNode body = SignedJsonCalls.body();
    ObjectNode recorder = body.putObject("ConfigurationRecorder").put("name", name).put("roleARN", roleArn);
    recorder.putObject("recordingGroup").put("allSupported", true).put("includeGlobalResourceTypes", true);
    call(admin, "PutConfigurationRecorder", body);
  }

  private void putChannel(Estate admin, String name, String bucket) {
    ObjectNode body = SignedJsonCalls.body();
    body.putObject("DeliveryChannel").put("name", name).put("s3BucketName", bucket)
        .put("s3KeyPrefix", TrailBucketPolicy.CONFIG_PREFIX);
    call(admin, "PutDeliveryChannel", body);
  }

  /** The first (Config allows only one) entry of a describe answer's {@code list}, or null. */
  private JsonNode describe(Estate admin, String operation, String list) {
    JsonNode entries = call(admin, operation, SignedJsonCalls.body()).path(list);
    return entries.isEmpty() ? null : entries.get(0);
  }

  private JsonNode call(Estate admin, String operation, ObjectNode body) {
    return BaselineFailures.call("AWS Config " + operation,
        () -> calls.jsonRpc(admin, Side.TARGET, Service.CONFIG, TARGET_PREFIX, operation, body));
  }

  private static ObjectNode names(String field, String name) {
    ObjectNode body = SignedJsonCalls.body();
    body.putArray(field).add(name);
    return body;
  }

  private static String recorderItem(String name) {
    return "config recorder " + name;
  }

  private static String channelItem(String name) {
    return "config delivery channel " + name;
  }
}
