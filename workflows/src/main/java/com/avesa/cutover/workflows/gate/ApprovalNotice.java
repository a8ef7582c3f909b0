package com.avesa.cutover.workflows.gate;

import com.avesa.cutover.workflows.config.ApprovalsConfig;
import java.util.List;

/** What a report says about how its approvals were authenticated. */
public final class ApprovalNotice {
  /** The line every report of a run under declared identity carries. */
  public static final String NOT_AUTHENTICATED = "approvals were not authenticated (approvals.identity: declared)";

  private ApprovalNotice() {}

  /** {@link #NOT_AUTHENTICATED} when the run's approvals are not aws-iam, else null. */
  public static String of(ApprovalsConfig approvals) {
    return approvals != null && approvals.awsIam() ? null : NOT_AUTHENTICATED;
  }

  /** {@link #NOT_AUTHENTICATED} when a decision that counted (approved, rejected) was not verified by STS, else null. */
  public static String of(List<ApprovalRecord> approvals) {
    boolean declared = approvals.stream()
        .filter(a -> a.decision() == ApprovalRecord.Decision.APPROVED || a.decision() == ApprovalRecord.Decision.REJECTED)
        .anyMatch(a -> !ApprovalsConfig.AWS_IAM.equals(a.identity()));
    return declared ? NOT_AUTHENTICATED : null;
  }
}
