package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.run.RunProgress;
import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowStub;
import io.temporal.common.converter.DataConverterException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Follows a run by its workflow id until it ends, showing its progress as {@link ProgressPrinter}
 * does for the output format and the terminal: what {@code status --watch} and {@code --wait} do.
 */
final class RunFollower {
  /** How often {@code --wait} samples a run. */
  static final Duration WAIT_INTERVAL = Duration.ofSeconds(2);
  /** Failed waits in a row after which the error ends the command. */
  private static final int UNANSWERED = 5;

  private final TemporalConnection connection;
  private final RunInspector inspector;
  private final ProgressPrinter.Mode mode;
  private final Duration interval;
  private final PrintWriter out;

  RunFollower(TemporalConnection connection, ProgressPrinter.Mode mode, Duration interval, PrintWriter out) {
    this.connection = connection;
    this.inspector = new RunInspector(connection);
    this.mode = mode;
    this.interval = interval;
    this.out = out;
  }

  /** A follower for {@code --wait} with output {@code format}: live on a terminal, lines elsewhere. */
  static RunFollower forWait(TemporalConnection connection, OutputOptions.Format format, PrintWriter out) {
    return new RunFollower(connection, ProgressPrinter.Mode.of(format, terminal()), WAIT_INTERVAL, out);
  }

  /** What to follow with, throwing what following may throw. */
  interface Follow {
    void run() throws InterruptedException;
  }

  /**
   * Runs {@code follow}, a follower's wait for {@code workflowId}; an interrupt ends the command
   * (exit 1) saying how to follow the run, which goes on.
   */
  static void awaitEnd(String workflowId, Follow follow) {
    try {
      follow.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCodes.RUN_FAILED, "stopped waiting for " + workflowId
          + ", which goes on: follow it with `avesa status " + workflowId + " --watch`");
    }
  }

  /**
   * What every command that starts a run does, whatever its kind: starts it ({@link RunStarter}),
   * then, without {@code wait}, prints the workflow id ({@link OutputOptions.Format#started}) and
   * returns 0; with it, follows the run to its end as its kind's progress shows it
   * ({@link ProgressKind#of}, see {@link #forWait}), then runs {@code outcome}, which prints the
   * report as {@code avesa result} does and returns its exit code.
   *
   * @throws CliException (exit 1) when a run with that id is already running
   */
  static int launch(TemporalConnection connection, RunStarter.RunStart start, boolean wait,
      OutputOptions.Format format, PrintWriter out, IntSupplier outcome) {
    String workflowId = new RunStarter(connection).start(start);
    if (!wait) {
      out.println(format.started(workflowId));
      out.flush();
      return ExitCodes.OK;
    }
    awaitEnd(workflowId, () -> forWait(connection, format, out).follow(workflowId, ProgressKind.of(start.kind())));
    if (!format.structured()) {
      out.println();
    }
    return outcome.getAsInt();
  }

  /** Whether stdout is a terminal a block can be redrawn on. */
  static boolean terminal() {
    return System.console() != null;
  }

  /**
   * Follows a run of {@code kind}, sampling its typed progress and showing it through the kind's
   * view; its last sample (null when the mode shows nothing).
   */
  <P extends RunProgress> RunStatus<P> follow(String workflowId, ProgressKind<P> kind) throws InterruptedException {
    return follow(workflowId, () -> inspector.sample(workflowId, kind), kind.view(inspector));
  }

  /** Follows the run; with nothing to show ({@link ProgressPrinter.Mode#QUIET}) only waits for its end and returns null. */
  private <P> RunStatus<P> follow(String workflowId, Supplier<RunStatus<P>> sample, ProgressView<P> view)
      throws InterruptedException {
    StatusWatch.EndWait end = endOf(workflowId);
    if (mode == ProgressPrinter.Mode.QUIET) {
      boolean ended = false;
      while (!ended) {
        ended = end.awaitEnd(interval);
      }
      return null;
    }
    return new StatusWatch<>(sample, new ProgressPrinter<>(view, mode, out), interval, end, Clock.systemUTC()).watch();
  }

  /**
   * Waits for the run's result (following continue-as-new) up to the given time; true once it
   * ended. A server that does not answer is asked again after the interval, and after
   * {@link #UNANSWERED} times in a row its error ends the wait.
   */
  private StatusWatch.EndWait endOf(String workflowId) {
    WorkflowStub stub = connection.client().newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty());
    int[] unanswered = {0};
    return atMost -> {
      try {
        stub.getResult(atMost.toMillis(), TimeUnit.MILLISECONDS, JsonNode.class);
        return true;
      } catch (TimeoutException stillRunning) {
        unanswered[0] = 0;
        return false;
      } catch (WorkflowException | DataConverterException ended) {
        return true;
      } catch (RuntimeException e) {
        if (++unanswered[0] >= UNANSWERED) {
          throw e;
        }
        Thread.sleep(atMost.toMillis());
        return false;
      }
    };
  }
}
