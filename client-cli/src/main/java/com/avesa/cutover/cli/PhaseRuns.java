package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.RunSearchAttributes;
import com.avesa.cutover.workflows.account.AccountSetupReport;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.decommission.DecommissionReport;
import com.avesa.cutover.workflows.infra.InfrastructureReport;
import com.avesa.cutover.workflows.isolation.IsolationReport;
import com.avesa.cutover.workflows.runbook.Phases;
import com.avesa.cutover.workflows.smoke.SmokeTestReport;
import com.avesa.cutover.workflows.validation.ValidationReport;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.util.Arrays;
import java.util.Optional;

/**
 * The runbook's phase runs the CLI starts on their own ({@code account setup}, {@code infra verify},
 * {@code smoke-test}, {@code validate}, {@code decommission}) and the whole runbook
 * ({@code isolate}): their workflow types, report types and default ids, how to start one and how
 * to get its report — the result of a run that ended normally, or the report a failed run carries
 * as its failure's first detail.
 */
enum PhaseRuns {
  ACCOUNT_SETUP("AccountSetupWorkflow", AccountSetupReport.class, Phases.ACCOUNT_SETUP),
  INFRASTRUCTURE("InfrastructureWorkflow", InfrastructureReport.class, Phases.INFRASTRUCTURE),
  SMOKE_TEST("SmokeTestWorkflow", SmokeTestReport.class, Phases.SMOKE_TEST),
  VALIDATE("PostCutoverValidationWorkflow", ValidationReport.class, Phases.VALIDATE),
  DECOMMISSION("DecommissionWorkflow", DecommissionReport.class, Phases.DECOMMISSION),
  ISOLATE("ProductionIsolationWorkflow", IsolationReport.class, "isolate");

  /** Every report has an outcome; only this one is a success. */
  static final String SUCCEEDED = "SUCCEEDED";

  private final String type;
  private final Class<?> reportType;
  private final String idSuffix;

  PhaseRuns(String type, Class<?> reportType, String idSuffix) {
    this.type = type;
    this.reportType = reportType;
    this.idSuffix = idSuffix;
  }

  /** The workflow type name, as Temporal and {@code avesa list} show it. */
  String type() {
    return type;
  }

  Class<?> reportType() {
    return reportType;
  }

  /** {@code {name}-{phase}}, e.g. avesa-prod-account-setup, avesa-prod-isolate. */
  String defaultId(MigrationConfig config) {
    return config.name() + "-" + idSuffix;
  }

  /** The kind of run a workflow type is, if it is one of these. */
  static Optional<PhaseRuns> ofType(String workflowType) {
    return Arrays.stream(values()).filter(kind -> kind.type.equals(workflowType)).findFirst();
  }

  /**
   * Starts a run of this kind with {@code input}.
   *
   * @throws CliException (exit 1) when a run with that id is already running
   */
  String start(TemporalConnection connection, String configName, String workflowId, String summary, Object input) {
    WorkflowOptions options = MigrationRuns.startOptions(workflowId).setStaticSummary(summary)
        .setTypedSearchAttributes(connection.runSearchAttributes(configName, RunSearchAttributes.kindOfPhase(idSuffix)))
        .build();
    WorkflowStub stub = connection.client().newUntypedWorkflowStub(type, options);
    try {
      stub.start(input);
    } catch (WorkflowExecutionAlreadyStarted e) {
      throw MigrationRuns.alreadyRunning(workflowId);
    }
    return workflowId;
  }

  /**
   * Waits for the run to end and returns its report: its result, or the report its failure carries.
   *
   * @throws CliException (exit 1) when there is no such run, or it ended without a report
   */
  Object awaitReport(TemporalConnection connection, String workflowId) {
    WorkflowStub stub = connection.client().newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty());
    try {
      return stub.getResult(reportType);
    } catch (WorkflowNotFoundException e) {
      throw RunInspector.noSuchRun(connection, workflowId);
    } catch (WorkflowFailedException e) {
      Optional<?> carried = RunResults.carried(e, reportType);
      if (carried.isPresent()) {
        return carried.get();
      }
      String message = RunResults.firstMessage(e);
      throw new CliException(ExitCodes.RUN_FAILED, "run " + workflowId + " ended without a report: "
          + (message == null ? e.getMessage() : message));
    }
  }
}
