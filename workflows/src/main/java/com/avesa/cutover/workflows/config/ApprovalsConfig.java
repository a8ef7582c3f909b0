package com.avesa.cutover.workflows.config;

import com.avesa.cutover.workflows.Deadlines;
import java.time.Duration;
import java.util.List;

/**
 * Who may open the cutover's gates.
 *
 * @param approvers identities allowed to approve or reject; empty: anyone
 * @param required how many distinct approvers open a gate
 * @param fourEyes refuse the approval of the identity that started the run
 * @param signOff ask for a sign-off after monitoring, before the run is done
 * @param timeout how long the cutover gate waits before the run expires
 */
public record ApprovalsConfig(List<String> approvers, int required, boolean fourEyes, boolean signOff, Duration timeout) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofDays(7);

  public ApprovalsConfig {
    approvers = approvers == null ? List.of() : List.copyOf(approvers);
    required = required <= 0 ? 1 : required;
    timeout = timeout == null ? DEFAULT_TIMEOUT : Deadlines.capped(timeout);
  }

  /** One approver, four eyes, no sign-off, seven days. */
  public static ApprovalsConfig defaults() {
    return new ApprovalsConfig(List.of(), 1, true, false, DEFAULT_TIMEOUT);
  }
}
