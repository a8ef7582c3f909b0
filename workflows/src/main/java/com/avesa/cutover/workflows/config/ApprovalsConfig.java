package com.avesa.cutover.workflows.config;

import com.avesa.cutover.workflows.Deadlines;
import java.time.Duration;
import java.util.List;

/**
 * Who may open the cutover's gates.
 *
 * @param approvers IAM ARNs or ARN patterns ({@code *} within one path segment) allowed to approve
 *     or reject; under {@code identity: declared} plain names; empty: anyone
 * @param required how many distinct approvers open a gate
 * @param fourEyes refuse the approval of the identity that started the run
 * @param signOff ask for a sign-off after monitoring, before the run is done
 * @param timeout how long the cutover gate waits before the run expires
 * @param identity how a decision proves who made it: {@code aws-iam} (a signed STS
 *     GetCallerIdentity request, verified by the run) or {@code declared} (a typed name); null in
 *     configs from before the field existed, which keep the declared behaviour
 */
public record ApprovalsConfig(List<String> approvers, int required, boolean fourEyes, boolean signOff, Duration timeout,
    String identity) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofDays(7);
  public static final Duration MAX_TIMEOUT = DurationLimits.APPROVALS_TIMEOUT;
  public static final int DEFAULT_REQUIRED = 1;
  public static final int MIN_REQUIRED = 1;
  public static final boolean DEFAULT_FOUR_EYES = true;
  /** Decisions and starts carry a SigV4-signed GetCallerIdentity request; the ARN is what counts. */
  public static final String AWS_IAM = "aws-iam";
  /** Decisions carry a typed name, nothing proves it (today's behaviour, only when set explicitly). */
  public static final String DECLARED = "declared";

  public ApprovalsConfig {
    approvers = approvers == null ? List.of() : List.copyOf(approvers);
    required = required <= 0 ? 1 : required;
    timeout = timeout == null ? DEFAULT_TIMEOUT : Deadlines.capped(timeout);
  }

  /** A config without {@code identity} (the declared behaviour of runs started before it existed). */
  public ApprovalsConfig(List<String> approvers, int required, boolean fourEyes, boolean signOff, Duration timeout) {
    this(approvers, required, fourEyes, signOff, timeout, null);
  }

  /** One approver, four eyes, no sign-off, seven days. */
  public static ApprovalsConfig defaults() {
    return new ApprovalsConfig(List.of(), DEFAULT_REQUIRED, DEFAULT_FOUR_EYES, false, DEFAULT_TIMEOUT);
  }

  /** Whether decisions must carry a proof verified against STS. */
  public boolean awsIam() {
    return AWS_IAM.equals(identity);
  }

  /** The same config with {@code identity}. */
  public ApprovalsConfig withIdentity(String identity) {
    return new ApprovalsConfig(approvers, required, fourEyes, signOff, timeout, identity);
  }
}
