package com.avesa.cutover.workflows.account;

import com.avesa.cutover.workflows.runbook.PhaseItem;
import java.time.Instant;
import java.util.List;

/**
 * What an account setup did.
 *
 * @param outcome SUCCEEDED or FAILED ({@link com.avesa.cutover.workflows.runbook.PhaseProgress} constants)
 * @param accountId the target account (the created one when {@code accountCreated})
 * @param roleArn the deployment role every later phase assumes
 * @param callerArn what GetCallerIdentity answered with the role's credentials
 * @param changed what this run created or modified; {@code unchanged}: what it found in place
 * @param compensated what it removed again after a failure (only things it had created)
 */
public record AccountSetupReport(
    String workflowId,
    String outcome,
    String accountId,
    boolean accountCreated,
    String roleArn,
    String callerArn,
    List<PhaseItem> changed,
    List<PhaseItem> unchanged,
    List<PhaseItem> compensated,
    List<String> problems,
    Instant started,
    Instant ended) {}
