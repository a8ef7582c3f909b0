package com.avesa.cutover.activities.baseline;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Trail;
import software.amazon.awssdk.services.cloudtrail.model.TrailNotFoundException;

/**
 * The CloudTrail trail of the runbook: multi-region, global service events, log file validation,
 * delivering into the trail bucket, and logging. An existing trail of that name is brought to this
 * shape (UpdateTrail) rather than replaced, so its history stays where it is.
 */
final class AuditTrail {
  static final String KIND = "cloudtrail-trail";

  private final AwsClients clients;

  AuditTrail(AwsClients clients) {
    this.clients = clients;
  }

  /** The trail {@code name} into {@code bucket} (which must exist with its policy), logging. */
  void ensure(Estate admin, String name, String bucket, StepReport report) {
    CloudTrailClient cloudTrail = clients.cloudTrail(admin, Side.TARGET);
    String item = "cloudtrail trail " + name;
    Optional<Trail> existing = BaselineFailures.call("read trail " + name, () -> find(cloudTrail, name));
    if (existing.isEmpty()) {
      BaselineFailures.run("create trail " + name + " into bucket " + bucket, () -> cloudTrail.createTrail(b -> b
          .name(name).s3BucketName(bucket).isMultiRegionTrail(true).includeGlobalServiceEvents(true)
          .enableLogFileValidation(true)));
      report.created(item, KIND, name);
    } else {
      List<String> fixes = fixes(existing.get(), bucket);
      if (fixes.isEmpty()) {
        report.inPlace(item, "multi-region, log file validation, into " + bucket);
      } else {
        BaselineFailures.run("update trail " + name, () -> cloudTrail.updateTrail(b -> b
            .name(name).s3BucketName(bucket).isMultiRegionTrail(true).includeGlobalServiceEvents(true)
            .enableLogFileValidation(true)));
        report.changed(item, String.join(", ", fixes));
      }
    }
    ensureLogging(cloudTrail, name, report);
  }

  /** Deletes trail {@code name}; a missing one is gone already. */
  void remove(Estate admin, String name) {
    try {
      BaselineFailures.run("delete trail " + name, () -> clients.cloudTrail(admin, Side.TARGET).deleteTrail(b -> b.name(name)));
    } catch (TrailNotFoundException gone) {
      // already deleted
    }
  }

  private static void ensureLogging(CloudTrailClient cloudTrail, String name, StepReport report) {
    String item = "cloudtrail logging " + name;
    boolean logging = BaselineFailures.call("read the status of trail " + name,
        () -> cloudTrail.getTrailStatus(b -> b.name(name)).isLogging());
    if (Boolean.TRUE.equals(logging)) {
      report.inPlace(item, "logging");
      return;
    }
    BaselineFailures.run("start logging of trail " + name, () -> cloudTrail.startLogging(b -> b.name(name)));
    report.changed(item, "started");
  }

  private static Optional<Trail> find(CloudTrailClient cloudTrail, String name) {
    try {
      return Optional.of(cloudTrail.getTrail(b -> b.name(name)).trail());
    } catch (TrailNotFoundException e) {
      return Optional.empty();
    }
  }

  private static List<String> fixes(Trail trail, String bucket) {
    List<String> fixes = new ArrayList<>();
    if (!bucket.equals(trail.s3BucketName())) {
      fixes.add("into " + bucket + " (was " + trail.s3BucketName() + ")");
    }
    if (!Boolean.TRUE.equals(trail.isMultiRegionTrail())) {
      fixes.add("multi-region (was single-region)");
    }
    if (!Boolean.TRUE.equals(trail.logFileValidationEnabled())) {
      fixes.add("log file validation enabled (was off)");
    }
    if (!Boolean.TRUE.equals(trail.includeGlobalServiceEvents())) {
      fixes.add("global service events included (was not)");
    }
    return fixes;
  }
}
