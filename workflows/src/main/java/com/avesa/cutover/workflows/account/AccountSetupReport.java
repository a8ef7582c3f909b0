package com.avesa.cutover.workflows.account;

import com.avesa.cutover.workflows.run.PhaseOutcome;
import com.avesa.cutover.workflows.run.RunKind;
import com.avesa.cutover.workflows.run.RunReport;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/**
 * What an account setup did.
 *
 * @param outcome SUCCEEDED or FAILED (CANCELLED when cancelled)
 * @param accountId the target account (the created one when {@code accountCreated})
 * @param roleArn the deployment role every later phase assumes
 * @param callerArn what GetCallerIdentity answered with the role's credentials
 * @param changed what this run created or modified; {@code unchanged}: what it found in place
 * @param compensated what it removed again after a failure (only things it had created)
 */
public record AccountSetupReport(
    String workflowId,
    PhaseOutcome outcome,
    String accountId,
    boolean accountCreated,
    String roleArn,
    String callerArn,
    List<PhaseItem> changed,
    List<PhaseItem> unchanged,
    List<PhaseItem> compensated,
    List<String> problems,
    Instant started,
    Instant ended) implements RunReport {

  @JsonIgnore
  @Override
  public RunKind kind() {
    return RunKind.ACCOUNT;
  }
}
