package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.cutover.Outcome;
import com.avesa.cutover.workflows.cutover.RollbackRequest;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code avesa rollback}: rolls back a running cutover in place (the {@code requestRollback}
 * update), or, with {@code --after}, undoes a finished one by starting a {@code RollbackWorkflow}
 * from its report.
 */
@Command(
    name = "rollback",
    mixinStandardHelpOptions = true,
    description = "Roll a running cutover back now (ID), or undo a finished one that went live or whose "
        + "rollback was incomplete (--after ID) with a rollback run.",
    footer = {"", "Example:",
        "  avesa rollback avesa-prod-cutover --reason 'errors in canonical/'",
        "  avesa rollback --after avesa-prod-cutover --reason 'data missing' --wait"})
final class RollbackCommand extends AvesaCommand {
  private static final Set<Outcome> UNDOABLE = Set.of(Outcome.CUT_OVER, Outcome.ROLLBACK_INCOMPLETE);

  @Parameters(index = "0", arity = "0..1", paramLabel = "ID",
      description = "A running cutover's workflow id, e.g. avesa-prod-cutover.")
  String workflowId;

  @Option(names = "--after", paramLabel = "ID", description = "A finished cutover's workflow id: start a rollback run.")
  String after;

  @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why; required.")
  String reason;

  @Option(names = "--id", paramLabel = "RID", description = "With --after: the rollback's workflow id (default: ID-rollback).")
  String id;

  @Option(names = "--wait", description = "With --after: wait for the rollback to end and print its report.")
  boolean await;

  @Mixin OutputOptions output;

  @Mixin TemporalOptions temporal;

  @Override
  protected int execute() {
    if ((workflowId == null) == (after == null)) {
      throw new CliException(ExitCodes.USAGE, "name one cutover: ID (running) or --after ID (finished)");
    }
    if (after == null && (id != null || await)) {
      throw new CliException(ExitCodes.USAGE, "--id and --wait go with --after: rolling back a running cutover starts no run");
    }
    GateCommand.requireText("--reason", reason);
    try (TemporalConnection connection = temporal.connect()) {
      return after == null ? rollBackRunning(connection) : rollBackFinished(connection);
    }
  }

  private int rollBackRunning(TemporalConnection connection) {
    CutoverControl control = new CutoverControl(connection);
    control.requireRunningCutover(workflowId, "roll a finished cutover back with `avesa rollback --after "
        + workflowId + " --reason TEXT`");
    String answer = control.update(workflowId, "requestRollback", String.class,
        new RollbackRequest(connection.identity(), reason.strip()), "rollback");
    out().println(connection.identity() + " requested the rollback of " + workflowId
        + (answer == null || answer.isBlank() ? "" : ": " + answer));
    return ExitCodes.OK;
  }

  private int rollBackFinished(TemporalConnection connection) {
    WorkflowExecutionInfo info = new RunInspector(connection).describe(after);
    String type = info.getType().getName();
    if (!CutoverRuns.CUTOVER_TYPE.equals(type)) {
      throw new CliException(ExitCodes.RUN_FAILED, "run " + after + " is a " + type + ", not a cutover");
    }
    if (RunStatus.RUNNING.equals(RunInspector.status(info))) {
      throw new CliException(ExitCodes.RUN_FAILED, "cutover " + after + " is still running: roll it back in place with "
          + "`avesa rollback " + after + " --reason TEXT`");
    }
    CutoverRuns runs = new CutoverRuns(connection);
    CutoverReport cutover = runs.awaitReport(after);
    if (!UNDOABLE.contains(cutover.outcome())) {
      throw new CliException(ExitCodes.RUN_FAILED, "nothing to undo: cutover " + after + " ended " + cutover.outcome()
          + " (a rollback follows CUT_OVER or ROLLBACK_INCOMPLETE)");
    }
    String rollbackId = runs.startRollback(cutover, reason.strip(), id == null ? CutoverRuns.rollbackId(after) : id);
    return runs.printStarted(rollbackId, await, output.json(), out(), err());
  }
}
