package com.avesa.cutover.activities.decommission;

import com.avesa.cutover.activities.aws.BucketSetup;
import com.avesa.cutover.workflows.decommission.ResourceChange;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The archive bucket, in the SOURCE account: the archive belongs with the old data, outlives the
 * decommission and is read by the people who owned that data, not by the new production account.
 * Brought to the runbook's bucket baseline (versioned, AES256, no public access) like the target's.
 */
final class ArchiveBucket {
  private final S3Client s3;
  private final String region;
  private final String accountId;

  ArchiveBucket(S3Client s3, String region, String accountId) {
    this.s3 = s3;
    this.region = region;
    this.accountId = accountId;
  }

  ResourceChange ensure(String bucket) {
    String item = "s3 bucket " + bucket + " (archive, source account " + accountId + ")";
    try {
      boolean created = new BucketSetup(s3, region).ensure(bucket, accountId, "decommission.archiveBucket");
      return created ? ResourceChange.done(item, "created (versioned, AES256, public access blocked)")
          : ResourceChange.found(item, PhaseItem.IN_PLACE);
    } catch (SdkException e) {
      throw DecommissionErrors.classify("ensure archive bucket " + bucket + " (source account " + accountId + ")", e);
    }
  }
}
