package com.avesa.cutover.activities.baseline;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.ConfigurationRecorder;
import software.amazon.awssdk.services.config.model.ConfigurationRecorderStatus;
import software.amazon.awssdk.services.config.model.DeliveryChannel;
import software.amazon.awssdk.services.config.model.NoSuchConfigurationRecorderException;
import software.amazon.awssdk.services.config.model.NoSuchDeliveryChannelException;
import software.amazon.awssdk.services.config.model.RecordingGroup;

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
  private static final String DEFAULT_NAME = "default";

  private final AwsClients clients;

  ConfigRecorder(AwsClients clients) {
    this.clients = clients;
  }

  /** The recorder, its channel into {@code bucket} (which must exist) and recording. */
  void ensure(Estate admin, String accountId, String bucket, StepReport report) {
    ConfigClient config = clients.config(admin, Side.TARGET);
    String recorder = ensureRecorder(config, accountId, report);
    ensureChannel(config, bucket, report);
    ensureRecording(config, recorder, report);
  }

  /** Stops and deletes recorder {@code name}; a missing one is gone already. */
  void removeRecorder(Estate admin, String name) {
    ConfigClient config = clients.config(admin, Side.TARGET);
    try {
      config.stopConfigurationRecorder(b -> b.configurationRecorderName(name));
      config.deleteConfigurationRecorder(b -> b.configurationRecorderName(name));
    } catch (NoSuchConfigurationRecorderException gone) {
      // removed already
    }
  }

  /**
   * Deletes delivery channel {@code name}; a missing one is gone already. Config refuses to delete
   * the channel of a recorder that records, so recording stops first: without this channel there
   * is nowhere to deliver to anyway.
   */
  void removeChannel(Estate admin, String name) {
    ConfigClient config = clients.config(admin, Side.TARGET);
    try {
      for (ConfigurationRecorderStatus status
          : config.describeConfigurationRecorderStatus(b -> {}).configurationRecordersStatus()) {
        if (Boolean.TRUE.equals(status.recording())) {
          config.stopConfigurationRecorder(b -> b.configurationRecorderName(status.name()));
        }
      }
      config.deleteDeliveryChannel(b -> b.deliveryChannelName(name));
    } catch (NoSuchDeliveryChannelException gone) {
      // removed already
    }
  }

  private static String ensureRecorder(ConfigClient config, String accountId, StepReport report) {
    List<ConfigurationRecorder> recorders = call("DescribeConfigurationRecorders",
        () -> config.describeConfigurationRecorders(b -> {}).configurationRecorders());
    String roleArn = "arn:aws:iam::" + accountId
        + ":role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig";
    if (recorders.isEmpty()) {
      putRecorder(config, DEFAULT_NAME, roleArn);
      report.created(recorderItem(DEFAULT_NAME), RECORDER_KIND, DEFAULT_NAME);
      return DEFAULT_NAME;
    }
    // Config allows only one recorder per account and region.
    ConfigurationRecorder existing = recorders.get(0);
    String name = existing.name();
    RecordingGroup group = existing.recordingGroup();
    if (group != null && Boolean.TRUE.equals(group.allSupported())
        && Boolean.TRUE.equals(group.includeGlobalResourceTypes())) {
      report.inPlace(recorderItem(name), "all supported resource types, global ones included");
      return name;
    }
    // An existing recorder keeps its role: the account may have set one up deliberately.
    putRecorder(config, name, existing.roleARN() == null || existing.roleARN().isEmpty() ? roleArn : existing.roleARN());
    report.changed(recorderItem(name), "records all supported resource types, global ones included (was a subset)");
    return name;
  }

  private static void ensureChannel(ConfigClient config, String bucket, StepReport report) {
    List<DeliveryChannel> channels = call("DescribeDeliveryChannels",
        () -> config.describeDeliveryChannels(b -> {}).deliveryChannels());
    String destination = "s3://" + bucket + "/" + TrailBucketPolicy.CONFIG_PREFIX;
    if (channels.isEmpty()) {
      putChannel(config, DEFAULT_NAME, bucket);
      report.created(channelItem(DEFAULT_NAME), CHANNEL_KIND, DEFAULT_NAME);
      return;
    }
    DeliveryChannel existing = channels.get(0);
    String name = existing.name();
    String current = "s3://" + existing.s3BucketName() + "/" + (existing.s3KeyPrefix() == null ? "" : existing.s3KeyPrefix());
    if (current.equals(destination)) {
      report.inPlace(channelItem(name), "into " + destination);
      return;
    }
    putChannel(config, name, bucket);
    report.changed(channelItem(name), "into " + destination + " (was " + current + ")");
  }

  private static void ensureRecording(ConfigClient config, String recorder, StepReport report) {
    List<ConfigurationRecorderStatus> statuses = call("DescribeConfigurationRecorderStatus",
        () -> config.describeConfigurationRecorderStatus(b -> b.configurationRecorderNames(recorder))
            .configurationRecordersStatus());
    String item = "config recording " + recorder;
    if (!statuses.isEmpty() && Boolean.TRUE.equals(statuses.get(0).recording())) {
      report.inPlace(item, "recording");
      return;
    }
    call("StartConfigurationRecorder", () -> config.startConfigurationRecorder(b -> b.configurationRecorderName(recorder)));
    report.changed(item, "started");
  }

  private static void putRecorder(ConfigClient config, String name, String roleArn) {
    call("PutConfigurationRecorder", () -> config.putConfigurationRecorder(b -> b.configurationRecorder(r -> r
        .name(name).roleARN(roleArn)
        .recordingGroup(g -> g.allSupported(true).includeGlobalResourceTypes(true)))));
  }

  private static void putChannel(ConfigClient config, String name, String bucket) {
    call("PutDeliveryChannel", () -> config.putDeliveryChannel(b -> b.deliveryChannel(c -> c
        .name(name).s3BucketName(bucket).s3KeyPrefix(TrailBucketPolicy.CONFIG_PREFIX))));
  }

  private static <T> T call(String operation, Supplier<T> call) {
    return BaselineFailures.call("AWS Config " + operation, call);
  }

  private static String recorderItem(String name) {
    return "config recorder " + name;
  }

  private static String channelItem(String name) {
    return "config delivery channel " + name;
  }
}
