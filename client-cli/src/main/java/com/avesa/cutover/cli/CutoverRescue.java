package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.cutover.CutoverHistory;
import com.avesa.cutover.workflows.run.RunIds;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.common.converter.DataConverterException;
import io.temporal.payload.codec.PayloadCodecException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code avesa rollback --rescue}: finds out what a cutover that cannot finish (its workflow task
 * failing after a deploy, or terminated) changed, from its history, and stops it if it is still
 * open so that it and the rollback cannot both act.
 */
final class CutoverRescue {
  private final TemporalConnection connection;
  private final PrintWriter err;
  private Instant stoppedAt;

  CutoverRescue(TemporalConnection connection, PrintWriter err) {
    this.connection = connection;
    this.err = err;
  }

  /** The workflow id {@code avesa rollback --rescue} uses unless {@code --id} is given. */
  static String rescueId(String cutoverId) {
    return RunIds.rescue(cutoverId);
  }

  /**
   * Reads the history of the run {@code info} describes; an open run is terminated first (after
   * its history proved readable, so a wrong key changes nothing) and read again.
   *
   * @throws CliException exit 2 when its payloads cannot be decoded with this client's keys,
   *     exit 1 when it ends while being rescued
   */
  CutoverHistory stopAndRead(WorkflowExecutionInfo info, String reason) {
    String workflowId = info.getExecution().getWorkflowId();
    String runId = info.getExecution().getRunId();
    CutoverHistory history = read(workflowId, runId);
    if (!RunStatus.RUNNING.equals(RunInspector.status(info))) {
      stoppedAt = Instant.ofEpochSecond(info.getCloseTime().getSeconds(), info.getCloseTime().getNanos());
      return history;
    }
    try {
      connection.client().newUntypedWorkflowStub(workflowId, Optional.of(runId), Optional.empty())
          .terminate("rescued by " + connection.identity() + ": " + reason);
    } catch (WorkflowNotFoundException e) {
      throw new CliException(ExitCodes.RUN_FAILED, "cutover " + workflowId + " ended while it was being rescued: "
          + "run the command again");
    }
    stoppedAt = Instant.now();
    err.println("terminated the open run " + workflowId + " (" + runId + ") so that it cannot act against the rescue");
    return read(workflowId, runId);
  }

  /**
   * Waits, when the run stopped with a change's activity unconfirmed, until no attempt of it can
   * still be running on a worker (its start-to-close timeout after the run stopped), so that a late
   * attempt cannot redo the change after the rollback undid it; one line says how long.
   */
  void awaitUnconfirmed(CutoverHistory history) throws InterruptedException {
    if (history.unconfirmed().isEmpty()) {
      return;
    }
    Instant safe = stoppedAt.plus(history.unconfirmedBound());
    Duration left = Duration.between(Instant.now(), safe);
    if (!left.isNegative() && !left.isZero()) {
      err.println("waiting " + Durations.format(left) + " (until " + safe + ") for the attempts a worker may still be "
          + "running of the activities above");
      err.flush();
      Thread.sleep(left.toMillis());
    }
  }

  private CutoverHistory read(String workflowId, String runId) {
    try {
      return CutoverHistory.read(workflowId, connection.client().fetchHistory(workflowId, runId).getEvents(),
          connection.client().getOptions().getDataConverter());
    } catch (DataConverterException e) {
      throw new CliException(ExitCodes.USAGE, "cannot read the history of " + workflowId + ": " + undecodable(e));
    }
  }

  /** The codec's own message (it names the key id, never data), else a hint at the keys. */
  private static String undecodable(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof PayloadCodecException && cause.getMessage() != null) {
        return cause.getMessage();
      }
    }
    return "its payloads cannot be decoded here; give this command the AVESA_CODEC_KEYS the worker has";
  }
}
