package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.cutover.CutoverHistory;
import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.cutover.Outcome;
import com.avesa.cutover.workflows.cutover.RollbackRequest;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code avesa rollback}: rolls back a running cutover in place (the {@code requestRollback}
 * update), or, with {@code --after}, undoes a finished one by starting a {@code RollbackWorkflow}
 * from its report, or, with {@code --rescue}, one that cannot finish (stuck after a deploy, or
 * terminated) from what its history shows it changed.
 */
@Command(
    name = "rollback",
    mixinStandardHelpOptions = true,
    description = "Roll a running cutover back now (ID), or undo a finished one that went live or whose "
        + "rollback was incomplete (--after ID), or one that is stuck or was terminated (--rescue ID: stops it, "
        + "then undoes what its history shows it changed) with a rollback run.",
    footer = {"", "Example:",
        "  avesa rollback avesa-prod-cutover --reason 'errors in canonical/'",
        "  avesa rollback --after avesa-prod-cutover --reason 'data missing' --wait",
        "  avesa rollback --rescue avesa-prod-cutover --reason 'stuck after deploy 2026-12-02' --wait"})
final class RollbackCommand extends AvesaCommand {
  private static final Set<Outcome> UNDOABLE = Set.of(Outcome.CUT_OVER, Outcome.ROLLBACK_INCOMPLETE);

  @Parameters(index = "0", arity = "0..1", paramLabel = "ID",
      description = "A running cutover's workflow id, e.g. avesa-prod-cutover.")
  String workflowId;

  @Option(names = "--after", paramLabel = "ID", description = "A finished cutover's workflow id: start a rollback run.")
  String after;

  @Option(names = "--rescue", paramLabel = "ID", description = "A stuck or terminated cutover's workflow id: "
      + "terminate it if open, read what it changed from its history, start a rollback run.")
  String rescue;

  @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why; required.")
  String reason;

  @Option(names = "--id", paramLabel = "RID", description = "With --after: the rollback's workflow id (default: ID-rollback); "
      + "with --rescue (default: ID-rescue).")
  String id;

  @Option(names = "--wait", description = "With --after or --rescue: follow the rollback to its end"
      + " (its progress: redrawn on a terminal, a line per phase elsewhere, JSON lines with -o jsonl)"
      + ", then print its report.")
  boolean await;

  @Mixin OutputOptions output;

  @Mixin TemporalOptions temporal;

  @Override
  protected int execute() throws InterruptedException {
    int named = (workflowId == null ? 0 : 1) + (after == null ? 0 : 1) + (rescue == null ? 0 : 1);
    if (named != 1) {
      throw new CliException(ExitCodes.USAGE,
          "name one cutover: ID (running), --after ID (finished) or --rescue ID (stuck or terminated)");
    }
    if (workflowId != null && (id != null || await)) {
      throw new CliException(ExitCodes.USAGE,
          "--id and --wait go with --after or --rescue: rolling back a running cutover starts no run");
    }
    GateCommand.requireText("--reason", reason);
    try (TemporalConnection connection = temporal.connect()) {
      if (rescue != null) {
        return rescue(connection);
      }
      return after == null ? rollBackRunning(connection) : rollBackFinished(connection, after, CutoverRuns.rollbackId(after));
    }
  }

  private int rollBackRunning(TemporalConnection connection) {
    CutoverControl control = new CutoverControl(connection);
    control.requireRunningCutover(workflowId, "roll a finished cutover back with `avesa rollback --after "
        + workflowId + " --reason TEXT`");
    String answer = control.update(workflowId, "requestRollback", String.class,
        new RollbackRequest(connection.identity(), reason.strip()), "rollback");
    String said = answer == null || answer.isBlank() ? null : answer;
    if (output.json()) {
      Map<String, String> request = new LinkedHashMap<>();
      request.put("workflowId", workflowId);
      request.put("requestedBy", connection.identity());
      request.put("answer", said);
      out().println(output.format().render(request));
    } else {
      out().println(connection.identity() + " requested the rollback of " + workflowId + (said == null ? "" : ": " + said));
    }
    return ExitCodes.OK;
  }

  private int rollBackFinished(TemporalConnection connection, String cutoverId, String defaultId) {
    WorkflowExecutionInfo info = new RunInspector(connection).describe(cutoverId);
    String type = info.getType().getName();
    if (!CutoverRuns.CUTOVER_TYPE.equals(type)) {
      throw new CliException(ExitCodes.RUN_FAILED, "run " + cutoverId + " is a " + type + ", not a cutover");
    }
    if (RunStatus.RUNNING.equals(RunInspector.status(info))) {
      throw new CliException(ExitCodes.RUN_FAILED, "cutover " + cutoverId + " is still running: roll it back in place with "
          + "`avesa rollback " + cutoverId + " --reason TEXT` (or, if it is stuck, `avesa rollback --rescue "
          + cutoverId + " --reason TEXT`)");
    }
    if (!RunStatus.COMPLETED.equals(RunInspector.status(info))) {
      throw new CliException(ExitCodes.RUN_FAILED, "cutover " + cutoverId + " ended " + RunInspector.status(info)
          + " without a report: undo what it changed with `avesa rollback --rescue " + cutoverId + " --reason TEXT`");
    }
    CutoverRuns runs = new CutoverRuns(connection);
    CutoverReport cutover = runs.awaitReport(cutoverId);
    if (!UNDOABLE.contains(cutover.outcome())) {
      throw new CliException(ExitCodes.RUN_FAILED, "nothing to undo: cutover " + cutoverId + " ended " + cutover.outcome()
          + " (a rollback follows CUT_OVER or ROLLBACK_INCOMPLETE)");
    }
    return runs.launch(CutoverRuns.rollback(cutover, connection.identity(), reason.strip(), id == null ? defaultId : id),
        await, output.format(), out(), err());
  }

  /**
   * A cutover that ended with a report is rolled back from it, as {@code --after} does; any other
   * (open, terminated, failed, timed out) from its history, after stopping it when open.
   */
  private int rescue(TemporalConnection connection) throws InterruptedException {
    WorkflowExecutionInfo info = new RunInspector(connection).describe(rescue);
    String type = info.getType().getName();
    if (!CutoverRuns.CUTOVER_TYPE.equals(type)) {
      throw new CliException(ExitCodes.USAGE, "run " + rescue + " is a " + type + ", not a cutover: nothing to rescue");
    }
    String status = RunInspector.status(info);
    if (RunStatus.COMPLETED.equals(status)) {
      err().println("cutover " + rescue + " completed with a report: undoing what the report lists, as --after does");
      return rollBackFinished(connection, rescue, CutoverRescue.rescueId(rescue));
    }
    CutoverRescue rescuer = new CutoverRescue(connection, err());
    CutoverHistory history = rescuer.stopAndRead(info, reason.strip());
    String stopped = RunStatus.RUNNING.equals(status) ? "TERMINATED" : status;
    if (!history.leftChanges()) {
      out().println("nothing to undo: cutover " + rescue + " (" + stopped + ") changed nothing that is not undone already");
      return ExitCodes.OK;
    }
    history.unconfirmed().forEach(line -> err().println("undone as if it had acted: " + line));
    rescuer.awaitUnconfirmed(history);
    CutoverRuns runs = new CutoverRuns(connection);
    return runs.launch(CutoverRuns.rollback(history.undo(stopped), connection.identity(), reason.strip(),
        id == null ? CutoverRescue.rescueId(rescue) : id), await, output.format(), out(), err());
  }
}
