package com.avesa.cutover.workflows.isolation;

import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.account.AccountSetupReport;
import com.avesa.cutover.workflows.account.AccountSetupWorkflow;
import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.cutover.CutoverInput;
import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.cutover.CutoverWorkflow;
import com.avesa.cutover.workflows.cutover.StepRecord;
import com.avesa.cutover.workflows.decommission.DecommissionReport;
import com.avesa.cutover.workflows.decommission.DecommissionWorkflow;
import com.avesa.cutover.workflows.estate.AccountConfig;
import com.avesa.cutover.workflows.gate.ApprovalAuthority;
import com.avesa.cutover.workflows.gate.ApprovalRecord;
import com.avesa.cutover.workflows.gate.GateKeeper;
import com.avesa.cutover.workflows.gate.GatedWorkflow;
import com.avesa.cutover.workflows.infra.InfrastructureReport;
import com.avesa.cutover.workflows.infra.InfrastructureWorkflow;
import com.avesa.cutover.workflows.migration.DataMigrationWorkflow;
import com.avesa.cutover.workflows.migration.MigrationInput;
import com.avesa.cutover.workflows.migration.MigrationReport;
import com.avesa.cutover.workflows.migration.Mode;
import com.avesa.cutover.workflows.run.CutoverStep;
import com.avesa.cutover.workflows.run.PhaseOutcome;
import com.avesa.cutover.workflows.run.RunIds;
import com.avesa.cutover.workflows.run.WorkflowClock;
import com.avesa.cutover.workflows.runbook.PhaseInput;
import com.avesa.cutover.workflows.runbook.Phases;
import com.avesa.cutover.workflows.smoke.SmokeTestReport;
import com.avesa.cutover.workflows.smoke.SmokeTestWorkflow;
import com.avesa.cutover.workflows.validation.PostCutoverValidationWorkflow;
import com.avesa.cutover.workflows.validation.ValidationInput;
import com.avesa.cutover.workflows.validation.ValidationReport;
import io.temporal.common.VersioningBehavior;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import io.temporal.workflow.WorkflowVersioningBehavior;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;

/**
 * The runbook's phases in order, each a child run on this run's task queue. A phase that does not
 * succeed stops the run: FAILED fails the execution with the {@link IsolationReport} as the
 * failure's first detail; a rejected or expired gate returns the report. A cancelled run ends
 * CANCELED in Temporal (the SDK cancels any run whose cancellation was requested, however it
 * ends); its report, outcome CANCELLED, stays readable through {@code progress}.
 */
public class ProductionIsolationWorkflowImpl extends GatedWorkflow implements ProductionIsolationWorkflow {
  /** The failure type of an isolation run that a phase failed. */
  static final String PHASE_FAILED = FailureType.PHASE_FAILED.type();

  /**
   * The change that holds validation findings at the {@code validation} gate instead of failing the
   * run; runs without its marker (histories recorded before it) fail as they did.
   */
  static final String VALIDATION_GATE_CHANGE = "validation-gate";

  private static final Logger log = Workflow.getLogger(ProductionIsolationWorkflowImpl.class);

  private final IsolationState state;
  private MigrationConfig config;
  private String requestedBy;

  /**
   * The run's state, built before its workflow method runs so a query or an update that arrives
   * first finds it; the execute gate judges nothing until the run verified who started it. No commands.
   */
  @WorkflowInit
  public ProductionIsolationWorkflowImpl(IsolationInput input) {
    config = input.config();
    requestedBy = input.requestedBy();
    state = new IsolationState(config, requestedBy);
  }

  @Override
  @WorkflowVersioningBehavior(VersioningBehavior.AUTO_UPGRADE)
  public IsolationReport isolate(IsolationInput input) {
    requestedBy = ApprovalAuthority.verifiedRequester(config, input.requestedBy(), input.startProof());
    state.started(requestedBy);
    try {
      runPhases();
      state.end(PhaseOutcome.SUCCEEDED, null);
    } catch (IsolationStop stop) {
      log.warn("isolation {}: {}", stop.outcome(), stop.getMessage());
      state.end(stop.outcome(), stop.getMessage());
      awaitHandlers();
      if (stop.outcome() == PhaseOutcome.FAILED) {
        throw ApplicationFailure.newNonRetryableFailureWithCause(stop.getMessage(), PHASE_FAILED, stop.getCause(),
            state.report());
      }
      return state.report();
    } catch (CanceledFailure cancelled) {
      state.end(PhaseOutcome.CANCELLED, "the isolation run was cancelled in phase " + state.report().phase());
      awaitHandlers();
      throw cancelled;
    }
    awaitHandlers();
    return state.report();
  }

  /** Lets running update handlers finish; in a detached scope because a cancelled run's scope refuses to wait. */
  private static void awaitHandlers() {
    Workflow.newDetachedCancellationScope(() -> Workflow.await(Workflow::isEveryHandlerFinished)).run();
  }

  private void runPhases() {
    AccountSetupReport account = runChild(Phases.ACCOUNT_SETUP, AccountSetupWorkflow.class,
        w -> w.setUp(phaseInput()), AccountSetupReport.class, PhaseResults::account);
    config = withTarget(config, account);
    runChild(Phases.INFRASTRUCTURE, InfrastructureWorkflow.class, w -> w.verify(phaseInput()),
        InfrastructureReport.class, PhaseResults::infrastructure);
    runChild(Phases.PLAN, DataMigrationWorkflow.class, w -> w.migrate(MigrationInput.of(config, Mode.PLAN)),
        MigrationReport.class, PhaseResults::migration);
    awaitExecuteGate();
    runChild(Phases.COPY, DataMigrationWorkflow.class, w -> w.migrate(MigrationInput.of(config, Mode.COPY)),
        MigrationReport.class, PhaseResults::migration);
    runChild(Phases.SMOKE_TEST, SmokeTestWorkflow.class, w -> w.test(phaseInput()), SmokeTestReport.class,
        PhaseResults::smokeTests);
    if (config.cutover() == null) {
      String why = "the config has no cutover: section";
      state.skip(Phases.CUTOVER, why);
      state.skip(Phases.VALIDATE, why + "; there is no cutover to validate");
      state.skip(Phases.DECOMMISSION, why + "; the source stays in service");
      return;
    }
    CutoverReport cutover = runChild(Phases.CUTOVER, CutoverWorkflow.class,
        w -> w.cutover(new CutoverInput(config, requestedBy)), CutoverReport.class, PhaseResults::cutover);
    runChild(Phases.VALIDATE, PostCutoverValidationWorkflow.class,
        w -> w.validate(new ValidationInput(config, targetLiveSince(cutover), requestedBy)),
        ValidationReport.class, PhaseResults::validation, this::askAboutFindings);
    if (config.runbook().decommission() == null) {
      state.skip(Phases.DECOMMISSION, "the config has no decommission: section; the source stays as it is");
      return;
    }
    runChild(Phases.DECOMMISSION, DecommissionWorkflow.class, w -> w.decommission(phaseInput(), null),
        DecommissionReport.class, PhaseResults::decommission);
  }

  /**
   * Runs {@code phase} as the child {@code {thisId}-{phase}} and records how it ended; throws
   * {@link IsolationStop} unless it succeeded.
   */
  private <W, R> R runChild(String phase, Class<W> type, Function<W, R> call, Class<R> reportType,
      Function<R, PhaseResult> read) {
    return runChild(phase, type, call, reportType, read, failure -> false);
  }

  /**
   * The same; a failure {@code decided} says it took care of (true) ends the phase without a report
   * (null) and the run goes on.
   */
  private <W, R> R runChild(String phase, Class<W> type, Function<W, R> call, Class<R> reportType,
      Function<R, PhaseResult> read, Predicate<ChildWorkflowFailure> decided) {
    stopIfCancelled();
    W child = Workflow.newChildWorkflowStub(type, ChildWorkflowOptions.newBuilder()
        .setWorkflowId(RunIds.phaseChild(state.workflowId(), phase))
        .setTypedSearchAttributes(state.childSearchAttributes(phase))
        .build());
    state.start(phase);
    R report;
    try {
      report = call.apply(child);
    } catch (ChildWorkflowFailure failure) {
      if (ChildFailures.cancelled(failure)) {
        state.finish(phase, PhaseResult.of(PhaseRecord.Status.CANCELLED, "cancelled"));
        throw new IsolationStop(PhaseOutcome.CANCELLED, phase + " was cancelled", failure);
      }
      if (decided.test(failure)) {
        return null;
      }
      String why = ChildFailures.describe(failure);
      R partial = ChildFailures.report(failure, reportType);
      state.finish(phase, partial == null ? PhaseResult.failedWithoutReport(why) : read.apply(partial).failedWith(why));
      throw new IsolationStop(PhaseOutcome.FAILED, phase + " failed: " + why, failure);
    }
    PhaseResult result = read.apply(report);
    state.finish(phase, result);
    if (result.status() != PhaseRecord.Status.SUCCEEDED) {
      throw new IsolationStop(PhaseOutcome.valueOf(result.status().name()),
          phase + " ended " + result.status() + ": " + result.summary(), null);
    }
    return report;
  }

  private void awaitExecuteGate() {
    stopIfCancelled();
    GateKeeper gates = state.gates();
    state.start(Phases.EXECUTE_GATE);
    GateKeeper.Decision decision = gates.await(Phases.EXECUTE_GATE);
    switch (decision) {
      case APPROVED -> state.finish(Phases.EXECUTE_GATE, PhaseResult.of(PhaseRecord.Status.SUCCEEDED,
          "approved by " + gates.approvedBy(Phases.EXECUTE_GATE)));
      case REJECTED -> {
        ApprovalRecord rejection = gates.rejection(Phases.EXECUTE_GATE);
        String why = "gate execute rejected by " + rejection.approver() + ": " + rejection.reason();
        state.finish(Phases.EXECUTE_GATE, PhaseResult.of(PhaseRecord.Status.REJECTED, why));
        throw new IsolationStop(PhaseOutcome.REJECTED, why + "; nothing was copied", null);
      }
      case EXPIRED -> {
        String why = "no approval of gate execute within " + approvalTimeout();
        state.finish(Phases.EXECUTE_GATE, PhaseResult.of(PhaseRecord.Status.EXPIRED, why));
        throw new IsolationStop(PhaseOutcome.EXPIRED, why + "; nothing was copied", null);
      }
    }
  }

  /**
   * A validation that failed on findings — not on an error — asks the {@code validation} gate of
   * this run: approved, the findings are accepted and the decommission follows (its archive takes
   * the whole source buckets, the findings' keys included); rejected or expired, the run stops with
   * nothing decommissioned. False (fail as before) for any other failure and for runs without the
   * {@value #VALIDATION_GATE_CHANGE} marker.
   */
  private boolean askAboutFindings(ChildWorkflowFailure failure) {
    ValidationReport found = ValidationGate.findings(failure);
    if (found == null
        || Workflow.getVersion(VALIDATION_GATE_CHANGE, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
      return false;
    }
    String gate = Phases.VALIDATION_GATE;
    state.awaitDecision(Phases.VALIDATE, ValidationGate.waiting(found), found.problems());
    GateKeeper gates = state.gates();
    switch (gates.await(gate)) {
      case APPROVED -> state.finish(Phases.VALIDATE, ValidationGate.accepted(found, gates.approvedBy(gate)));
      case REJECTED -> {
        ApprovalRecord rejection = gates.rejection(gate);
        String why = "gate validation rejected by " + rejection.approver() + ": " + rejection.reason();
        state.finish(Phases.VALIDATE, ValidationGate.ended(found, PhaseRecord.Status.REJECTED, why));
        throw new IsolationStop(PhaseOutcome.REJECTED, why + "; nothing was decommissioned", null);
      }
      case EXPIRED -> {
        String why = "no decision on gate validation within " + approvalTimeout();
        state.finish(Phases.VALIDATE, ValidationGate.ended(found, PhaseRecord.Status.EXPIRED, why));
        throw new IsolationStop(PhaseOutcome.EXPIRED, why + "; nothing was decommissioned", null);
      }
    }
    return true;
  }

  private void stopIfCancelled() {
    if (CancellationScope.current().isCancelRequested()) {
      throw new IsolationStop(PhaseOutcome.CANCELLED, "the isolation run was cancelled", null);
    }
  }

  private PhaseInput phaseInput() {
    return new PhaseInput(config, requestedBy);
  }

  private Duration approvalTimeout() {
    return (config.approvals() == null ? ApprovalsConfig.defaults() : config.approvals()).timeout();
  }

  /**
   * The earliest moment the target could receive new data, from which validation counts new
   * objects: when the cutover began switching DNS, else when it began enabling target ingestion.
   * The final sync before them copies old data, which must not count as new.
   */
  static Instant targetLiveSince(CutoverReport cutover) {
    Instant switched = cutover.steps().stream()
        .filter(s -> s.name() == CutoverStep.SWITCH_DNS || s.name() == CutoverStep.ENABLE_TARGET_INGESTION)
        .map(StepRecord::startedAt).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    if (switched != null) {
      return switched;
    }
    return cutover.windowStart() != null ? cutover.windowStart() : WorkflowClock.now();
  }

  /**
   * The config every phase after account setup works with: its target is the account and role the
   * setup reported (a created account, or the configured one verified).
   */
  static MigrationConfig withTarget(MigrationConfig config, AccountSetupReport account) {
    AccountConfig target = config.target() == null ? new AccountConfig(null, null, null, null) : config.target();
    String accountId = account.accountId() == null ? target.accountId() : account.accountId();
    String roleArn = account.roleArn() == null ? target.roleArn() : account.roleArn();
    if (Objects.equals(accountId, target.accountId()) && Objects.equals(roleArn, target.roleArn())) {
      return config;
    }
    return new MigrationConfig(config.name(), config.region(), config.endpoint(), config.source(),
        new AccountConfig(accountId, target.profile(), roleArn, target.externalId()), config.data(), config.cutover(),
        config.approvals(), config.runbook());
  }

  @Override
  protected GateKeeper gateKeeper() {
    return state.gates();
  }

  @Override
  public IsolationReport progress() {
    return state.report();
  }
}
