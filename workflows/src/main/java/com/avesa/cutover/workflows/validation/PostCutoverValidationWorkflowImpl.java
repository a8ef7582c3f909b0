package com.avesa.cutover.workflows.validation;

import com.avesa.cutover.workflows.ActivityRetries;
import com.avesa.cutover.workflows.FailureMessages;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.config.TenantsConfig;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.run.PhaseOutcome;
import com.avesa.cutover.workflows.runbook.PhaseProgress;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.common.VersioningBehavior;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowVersioningBehavior;
import java.time.Duration;
import java.time.Instant;

import static com.avesa.cutover.workflows.run.WorkflowClock.now;

/**
 * Reads the tenants, then checks their secrets and lists the data lake in parallel, and reports
 * per tenant. Any isolation breach fails the run with the report as the failure's first detail;
 * missing new data only warns.
 */
public class PostCutoverValidationWorkflowImpl implements PostCutoverValidationWorkflow {
  static final String TENANTS = "TENANTS";
  static final String CHECKING = "CHECKING";
  static final String DONE = "DONE";
  static final String FAILED = "FAILED";

  // Everything here only reads, so transient errors are retried freely; ten attempts with backoff
  // up to a minute ride out an outage, after which a person should look.
  private final RetryOptions retry = ActivityRetries.transientErrors(Duration.ofMinutes(1), 10);

  private final ValidationActivities lookups = Workflow.newActivityStub(ValidationActivities.class,
      ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(5)).setRetryOptions(retry).build());

  // One listing of the whole bucket: long, so it heartbeats its position and resumes from it.
  private final ValidationActivities listing = Workflow.newActivityStub(ValidationActivities.class,
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofHours(2))
          .setHeartbeatTimeout(Duration.ofSeconds(30))
          .setRetryOptions(retry)
          .build());

  private ValidationFindings findings;
  private PhaseOutcome outcome = PhaseOutcome.RUNNING;
  private ValidationInput input;
  private Instant started;

  @Override
  @WorkflowVersioningBehavior(VersioningBehavior.AUTO_UPGRADE)
  public ValidationReport validate(ValidationInput input) {
    this.input = input;
    this.started = now();
    TenantsConfig tenants = input.config().runbook().tenants();
    this.findings = new ValidationFindings(tenants, input.since());
    if (tenants.bucket() == null) {
      String message = "tenants.bucket: not set and data.buckets names no bucket: set tenants.bucket to the"
          + " target's data lake bucket";
      findings.addProblem(message);
      throw fail(FailureType.BAD_CONFIG.type(), message, null);
    }
    Estate estate = input.config().estate();
    try {
      at(TENANTS);
      findings.recordTenants(lookups.listTenants(new TenantListRequest(estate, tenants.table())));
      at(CHECKING);
      Promise<TenantSecrets> secrets = Async.function(lookups::checkTenantSecrets, new TenantSecretsRequest(estate,
          findings.tenantIds().stream().map(tenants::secretName).toList()));
      Promise<DataLakeSummary> lake = Async.function(listing::summarizeDataLake,
          new DataLakeRequest(estate, tenants.bucket(), findings.tenantIds(), input.since(),
              input.config().runbook().validationOrNone().knownPrefixes()));
      findings.recordSecrets(secrets.get());
      findings.recordDataLake(lake.get());
    } catch (ActivityFailure failure) {
      throw fail(failure);
    }
    if (!findings.problems().isEmpty()) {
      throw fail(FailureType.VERIFICATION_FAILED.type(), "tenant isolation breached: " + findings.problems().size()
          + " problem(s); first: " + findings.problems().get(0), null);
    }
    outcome = PhaseOutcome.SUCCEEDED;
    at(DONE);
    return findings.report(workflowId(), outcome, started, now());
  }

  @Override
  public PhaseProgress progress() {
    return findings == null ? null : findings.progress(workflowId(), outcome);
  }

  private ApplicationFailure fail(ActivityFailure failure) {
    Throwable cause = failure.getCause();
    String message = FailureMessages.describe(failure);
    String type = cause instanceof ApplicationFailure app ? app.getType() : "ACTIVITY_FAILED";
    findings.addProblem(findings.phase().toLowerCase() + ": " + message);
    return fail(type, message, failure);
  }

  /** Ends the run as FAILED: its report, problems included, is the failure's first detail. */
  private ApplicationFailure fail(String type, String message, Throwable cause) {
    outcome = PhaseOutcome.FAILED;
    at(FAILED);
    return ApplicationFailure.newNonRetryableFailureWithCause(message, type, cause,
        findings.report(workflowId(), outcome, started, now()));
  }

  private void at(String phase) {
    findings.at(phase);
    Workflow.setCurrentDetails(findings.details(input.config().name()));
  }

  private static String workflowId() {
    return Workflow.getInfo().getWorkflowId();
  }
}
