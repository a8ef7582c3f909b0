package com.avesa.cutover.activities.baseline;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.aws.Failures;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.account.BaselineRemoval;
import com.avesa.cutover.workflows.account.BaselineRequest;
import com.avesa.cutover.workflows.account.BaselineStep;
import com.avesa.cutover.workflows.account.CreatedResource;
import com.avesa.cutover.workflows.account.SecurityBaselineActivities;
import com.avesa.cutover.workflows.config.SecurityConfig;
import com.avesa.cutover.workflows.estate.Estate;

/**
 * The security baseline on the AWS SDK v2 (GuardDuty, AWS Config, CloudTrail, S3, SNS, CloudWatch),
 * one class per service. Every call acts with the admin credentials of the
 * request's target; each ensure reads before it writes, so a second run changes nothing.
 */
public class SecurityBaselineActivitiesImpl implements SecurityBaselineActivities {
  private final GuardDutyDetector guardDuty;
  private final ConfigRecorder config;
  private final TrailBucket trailBucket;
  private final AuditTrail trail;
  private final AlertTopic alertTopic;
  private final BillingAlarm billingAlarm;

  public SecurityBaselineActivitiesImpl(AwsClients clients) {
    this.guardDuty = new GuardDutyDetector(clients);
    this.config = new ConfigRecorder(clients);
    this.trailBucket = new TrailBucket(clients);
    this.trail = new AuditTrail(clients);
    this.alertTopic = new AlertTopic(clients);
    this.billingAlarm = new BillingAlarm(clients);
  }

  @Override
  public BaselineStep ensureGuardDuty(BaselineRequest request) {
    StepReport report = new StepReport();
    guardDuty.ensure(request.admin(), report);
    return report.step();
  }

  @Override
  public BaselineStep ensureConfigRecorder(BaselineRequest request) {
    StepReport report = new StepReport();
    String bucket = bucket(request);
    trailBucket.ensure(request.admin(), request.accountId(), bucket, report);
    config.ensure(request.admin(), request.accountId(), bucket, report);
    return report.step();
  }

  @Override
  public BaselineStep ensureCloudTrail(BaselineRequest request) {
    StepReport report = new StepReport();
    String bucket = bucket(request);
    trailBucket.ensure(request.admin(), request.accountId(), bucket, report);
    trail.ensure(request.admin(), security(request).trailName(), bucket, report);
    return report.step();
  }

  @Override
  public BaselineStep ensureAlertTopic(BaselineRequest request) {
    StepReport report = new StepReport();
    SecurityConfig security = security(request);
    String topicArn = alertTopic.ensure(request.admin(), request.accountId(), security.alertTopic(),
        security.alertEmails(), report);
    return report.step(topicArn);
  }

  @Override
  public BaselineStep ensureBillingAlarm(BaselineRequest request) {
    StepReport report = new StepReport();
    billingAlarm.ensure(request.admin(), security(request).billingThreshold(), request.alertTopicArn(), report);
    return report.step();
  }

  @Override
  public void remove(BaselineRemoval removal) {
    Estate admin = removal.admin();
    CreatedResource resource = removal.resource();
    String id = resource.id();
    switch (resource.kind()) {
      case GuardDutyDetector.KIND -> guardDuty.remove(admin, id);
      case ConfigRecorder.RECORDER_KIND -> config.removeRecorder(admin, id);
      case ConfigRecorder.CHANNEL_KIND -> config.removeChannel(admin, id);
      case TrailBucket.KIND -> trailBucket.remove(admin, id);
      case AuditTrail.KIND -> trail.remove(admin, id);
      case AlertTopic.TOPIC_KIND -> alertTopic.removeTopic(admin, id);
      case AlertTopic.SUBSCRIPTION_KIND -> alertTopic.removeSubscription(admin, id);
      case BillingAlarm.KIND -> billingAlarm.remove(admin, id);
      default -> throw Failures.nonRetryable(FailureType.BAD_CONFIG, "cannot remove a " + resource.kind()
          + " (" + id + "): the security baseline creates no such kind; remove it by hand if it exists");
    }
  }

  private static SecurityConfig security(BaselineRequest request) {
    return request.security() != null ? request.security() : SecurityConfig.defaults(request.accountId());
  }

  /** The configured trail bucket, else the default {@code avesa-audit-logs-{account}}. */
  private static String bucket(BaselineRequest request) {
    String configured = security(request).trailBucket();
    return configured == null || configured.isBlank() ? SecurityConfig.defaultTrailBucket(request.accountId()) : configured;
  }
}
