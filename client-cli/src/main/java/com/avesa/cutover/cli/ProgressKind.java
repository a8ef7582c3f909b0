package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.isolation.IsolationReport;
import com.avesa.cutover.workflows.migration.MigrationProgress;
import com.avesa.cutover.workflows.run.RunKind;
import com.avesa.cutover.workflows.run.RunProgress;
import com.avesa.cutover.workflows.runbook.PhaseProgress;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How the CLI reads and shows the progress of each {@link RunKind}: the {@link RunProgress} type
 * its {@code progress} query answers, the {@link ProgressView} that prints it, whether a completed
 * run is shown by its result instead (a cutover's or rollback's result is its last progress, no
 * worker needed), and the exit code of a run that ended while followed. {@code avesa status} and
 * every {@code --wait} go through here, whatever the kind.
 */
final class ProgressKind<P extends RunProgress> {
  /** Data migrations; also what a run of no known kind (a final sync, which has no query) is shown as. */
  static final ProgressKind<MigrationProgress> MIGRATION = new ProgressKind<>(MigrationProgress.class,
      inspector -> new MigrationProgressView(), null,
      (last, connection) -> StatusWatch.exitCode(last,
          () -> new MigrationRuns(connection).awaitReport(last.workflowId(), null)));
  static final ProgressKind<CutoverReport> CUTOVER = new ProgressKind<>(CutoverReport.class,
      inspector -> new CutoverProgressView(),
      (connection, workflowId) -> new CutoverRuns(connection).awaitReport(workflowId),
      // A completed run's sample is its result; any other end (failed, terminated) left no report.
      (last, connection) -> RunStatus.COMPLETED.equals(last.status()) && last.progress() != null
          ? CutoverPrinter.exitCode(last.progress()) : ExitCodes.RUN_FAILED);
  static final ProgressKind<PhaseProgress> PHASE = new ProgressKind<>(PhaseProgress.class,
      inspector -> new PhaseProgressView<>(new PhaseStatus(inspector)), null, ProgressKind::completed);
  static final ProgressKind<IsolationReport> ISOLATION = new ProgressKind<>(IsolationReport.class,
      inspector -> new PhaseProgressView<>(new PhaseStatus(inspector)), null, ProgressKind::completed);

  private final Class<P> type;
  private final Function<RunInspector, ProgressView<P>> view;
  private final BiFunction<TemporalConnection, String, P> result;
  private final BiFunction<RunStatus<P>, TemporalConnection, Integer> exitCode;

  private ProgressKind(Class<P> type, Function<RunInspector, ProgressView<P>> view,
      BiFunction<TemporalConnection, String, P> result, BiFunction<RunStatus<P>, TemporalConnection, Integer> exitCode) {
    this.type = type;
    this.view = view;
    this.result = result;
    this.exitCode = exitCode;
  }

  /** The progress of {@code kind}. */
  static ProgressKind<?> of(RunKind kind) {
    return switch (kind) {
      case CUTOVER, ROLLBACK -> CUTOVER;
      case ISOLATE -> ISOLATION;
      case ACCOUNT, INFRA, SMOKE, VALIDATE, DECOMMISSION -> PHASE;
      case MIGRATION, SYNC -> MIGRATION;
    };
  }

  /** The progress of runs of {@code workflowType}: its kind's, or a migration's for a type of no known kind. */
  static ProgressKind<?> ofWorkflowType(String workflowType) {
    return RunKind.ofWorkflowType(workflowType).<ProgressKind<?>>map(ProgressKind::of).orElse(MIGRATION);
  }

  /** What the progress query answers. */
  Class<P> type() {
    return type;
  }

  /** A new view (views keep state between samples, e.g. a rate) reading child runs through {@code inspector}. */
  ProgressView<P> view(RunInspector inspector) {
    return view.apply(inspector);
  }

  /** True when a completed run is shown by its result rather than by its progress query. */
  boolean shownByResult() {
    return result != null;
  }

  /** The result of the completed run {@code workflowId}, for a kind {@link #shownByResult()}. */
  P result(TemporalConnection connection, String workflowId) {
    return result.apply(connection, workflowId);
  }

  /** The exit code of a run that ended, its last sample being {@code last}, as {@code avesa result} would give it. */
  int exitCode(RunStatus<P> last, TemporalConnection connection) {
    return exitCode.apply(last, connection);
  }

  /** A phase run or an isolation: 0 when it completed, 1 for any other end. */
  private static int completed(RunStatus<?> last, TemporalConnection connection) {
    return RunStatus.COMPLETED.equals(last.status()) ? ExitCodes.OK : ExitCodes.RUN_FAILED;
  }
}
