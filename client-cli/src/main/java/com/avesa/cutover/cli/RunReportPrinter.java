package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.migration.MigrationReport;
import com.avesa.cutover.workflows.run.RunReport;
import java.io.PrintWriter;

/**
 * The one door to the report printers: prints any run's {@link RunReport} with the printer of its
 * kind — {@link CutoverPrinter} for a cutover or rollback, {@link ReportPrinter} (through
 * {@link MigrationRuns}) for a migration or sync, {@link PhasePrinter} for the runbook's phase runs
 * and the isolation — and answers the exit code.
 */
final class RunReportPrinter {
  private RunReportPrinter() {}

  /**
   * Prints {@code report} and, when the run did not succeed, one line on {@code err} saying why.
   * Returns the exit code: 0 only when the run did what it was started for.
   */
  static int printOutcome(RunReport report, OutputOptions.Format format, PrintWriter out, PrintWriter err) {
    if (report instanceof CutoverReport cutover) {
      return CutoverPrinter.printOutcome(cutover, format, out, err);
    }
    if (report instanceof MigrationReport migration) {
      return MigrationRuns.printOutcome(migration, format, out, err);
    }
    return PhasePrinter.printOutcome(report, format, out, err);
  }
}
