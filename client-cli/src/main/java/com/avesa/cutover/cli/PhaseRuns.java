package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.account.AccountSetupReport;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.decommission.DecommissionReport;
import com.avesa.cutover.workflows.infra.InfrastructureReport;
import com.avesa.cutover.workflows.isolation.IsolationReport;
import com.avesa.cutover.workflows.run.RunIds;
import com.avesa.cutover.workflows.run.RunKind;
import com.avesa.cutover.workflows.run.RunReport;
import com.avesa.cutover.workflows.runbook.Phases;
import com.avesa.cutover.workflows.smoke.SmokeTestReport;
import com.avesa.cutover.workflows.validation.ValidationReport;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
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
  ACCOUNT_SETUP(RunKind.ACCOUNT, AccountSetupReport.class, Phases.ACCOUNT_SETUP),
  INFRASTRUCTURE(RunKind.INFRA, InfrastructureReport.class, Phases.INFRASTRUCTURE),
  SMOKE_TEST(RunKind.SMOKE, SmokeTestReport.class, Phases.SMOKE_TEST),
  VALIDATE(RunKind.VALIDATE, ValidationReport.class, Phases.VALIDATE),
  DECOMMISSION(RunKind.DECOMMISSION, DecommissionReport.class, Phases.DECOMMISSION),
  ISOLATE(RunKind.ISOLATE, IsolationReport.class, "isolate");

  private final RunKind kind;
  private final Class<? extends RunReport> reportType;
  private final String idSuffix;

  PhaseRuns(RunKind kind, Class<? extends RunReport> reportType, String idSuffix) {
    this.kind = kind;
    this.reportType = reportType;
    this.idSuffix = idSuffix;
  }

  /** The workflow type name, as Temporal and {@code avesa list} show it. */
  String type() {
    return kind.workflowType();
  }

  Class<? extends RunReport> reportType() {
    return reportType;
  }

  /** {@code {name}-{phase}}, e.g. avesa-prod-account-setup, avesa-prod-isolate. */
  String defaultId(MigrationConfig config) {
    return RunIds.of(config.name(), idSuffix);
  }

  /** The kind of run a workflow type is, if it is one of these. */
  static Optional<PhaseRuns> ofType(String workflowType) {
    return Arrays.stream(values()).filter(phase -> phase.type().equals(workflowType)).findFirst();
  }

  /** The start of a run of this kind with {@code input} ({@link RunStarter}). */
  RunStarter.RunStart start(String configName, String workflowId, String summary, Object input) {
    return new RunStarter.RunStart(kind, workflowId, configName, summary, input);
  }

  /**
   * Waits for the run to end and returns its report: its result, or the report its failure carries.
   *
   * @throws CliException (exit 1) when there is no such run, or it ended without a report
   */
  RunReport awaitReport(TemporalConnection connection, String workflowId) {
    WorkflowStub stub = connection.client().newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty());
    try {
      return stub.getResult(reportType);
    } catch (WorkflowNotFoundException e) {
      throw RunInspector.noSuchRun(connection, workflowId);
    } catch (WorkflowFailedException e) {
      Optional<? extends RunReport> carried = RunResults.carried(e, reportType);
      if (carried.isPresent()) {
        return carried.get();
      }
      String message = RunResults.firstMessage(e);
      throw new CliException(ExitCodes.RUN_FAILED, "run " + workflowId + " ended without a report: "
          + (message == null ? e.getMessage() : message));
    }
  }
}
