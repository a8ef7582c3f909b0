package com.avesa.cutover.workflows.account;

import io.temporal.activity.ActivityInterface;

/**
 * The target's security baseline, one idempotent activity per part. Each reports what it created
 * or changed and what it found already in place, and returns a handle for everything it created
 * so that a failed setup can remove exactly that ({@link #remove}) and nothing that existed before.
 * All calls act with the admin credentials of {@link BaselineRequest#admin()}'s target.
 */
@ActivityInterface
public interface SecurityBaselineActivities {

  /** A GuardDuty detector, enabled. */
  BaselineStep ensureGuardDuty(BaselineRequest request);

  /** An AWS Config recorder (all supported resources), a delivery channel into the trail bucket, recording started. */
  BaselineStep ensureConfigRecorder(BaselineRequest request);

  /** The trail bucket with the bucket policy CloudTrail needs, a multi-region trail into it, logging. */
  BaselineStep ensureCloudTrail(BaselineRequest request);

  /** The SNS alert topic and an email subscription per configured address; {@link BaselineStep#topicArn()} set. */
  BaselineStep ensureAlertTopic(BaselineRequest request);

  /** A CloudWatch alarm on AWS/Billing EstimatedCharges above the threshold, notifying the alert topic. */
  BaselineStep ensureBillingAlarm(BaselineRequest request);

  /** Removes one thing an ensure call created (compensation); already gone is fine. */
  void remove(BaselineRemoval removal);
}
