package com.avesa.cutover.workflows.sync;

import com.avesa.cutover.workflows.migration.BucketReport;
import com.avesa.cutover.workflows.migration.MigrationReport;
import com.avesa.cutover.workflows.migration.TableReport;
import com.avesa.cutover.workflows.run.MigrationStatus;

/**
 * What one periodic final sync found and did.
 *
 * <p><b>Lag</b> is how far the target was behind the source when this sync started: the work the
 * sync had to do. {@code lagObjects} is the sum over buckets of {@link BucketReport#toCopy()} (S3
 * objects missing in the target or different in size/checksum). {@code lagBytes} estimates their
 * size as each bucket's {@code toCopy × bytes / objects} (the report carries a bucket's total
 * bytes, not the bytes of the objects that differed), summed over buckets. {@code itemsCopied}
 * (DynamoDB items written) and {@code secretsCopied} are the rest of the lag, already closed by
 * this sync. A sync that ends with lag 0 found the target fully warm.
 *
 * @param status {@link MigrationStatus#COMPLETED} or {@link MigrationStatus#FAILED} (verification
 *     found differences after copying)
 * @param verified true when the child's verification found no difference
 * @param childWorkflowId the {@code DataMigrationWorkflow} run that did the sync
 * @param problems how many differences or errors the child reported (listed and omitted)
 * @param label the input's label, or null
 */
public record FinalSyncResult(
    MigrationStatus status,
    boolean verified,
    long lagObjects,
    long lagBytes,
    long itemsCopied,
    int secretsCopied,
    String childWorkflowId,
    long problems,
    String label) {

  /** The result of a sync whose child ended with {@code report} (completed or failed). */
  public static FinalSyncResult of(MigrationReport report, String childWorkflowId, String label) {
    long lagObjects = 0;
    long lagBytes = 0;
    for (BucketReport bucket : report.buckets()) {
      lagObjects += bucket.toCopy();
      lagBytes += bucket.objects() == 0 ? 0 : Math.round((double) bucket.bytes() * bucket.toCopy() / bucket.objects());
    }
    long items = report.tables().stream().mapToLong(TableReport::copied).sum();
    int secrets = report.secrets() == null ? 0 : report.secrets().copied();
    return new FinalSyncResult(report.status(), report.verified(), lagObjects, lagBytes, items, secrets,
        childWorkflowId, report.problems().size() + report.problemsOmitted(), label);
  }
}
