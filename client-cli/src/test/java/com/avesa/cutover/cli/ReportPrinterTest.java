package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.workflows.migration.MigrationReport;
import com.avesa.cutover.workflows.migration.Mode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportPrinterTest {

  @Test
  void printsBytesInBinaryUnits() {
    assertThat(ReportPrinter.bytes(0)).isEqualTo("0 B");
    assertThat(ReportPrinter.bytes(1023)).isEqualTo("1023 B");
    assertThat(ReportPrinter.bytes(1536)).isEqualTo("1.5 KiB");
    assertThat(ReportPrinter.bytes(5L * 1024 * 1024 * 1024)).isEqualTo("5.0 GiB");
  }

  @Test
  void onlyACompletedVerifiedRunIsVerifiedAndOnlyACompletedPlanIsPlanOnly() {
    assertThat(ReportPrinter.verdict(report(Mode.COPY, MigrationReport.COMPLETED, true))).isEqualTo("VERIFIED");
    assertThat(ReportPrinter.verdict(report(Mode.COPY, MigrationReport.COMPLETED, false))).isEqualTo("NOT VERIFIED");
    assertThat(ReportPrinter.verdict(report(Mode.SYNC, MigrationReport.FAILED, true))).isEqualTo("NOT VERIFIED");
    assertThat(ReportPrinter.verdict(report(Mode.PLAN, MigrationReport.COMPLETED, false))).startsWith("PLAN ONLY");
    assertThat(ReportPrinter.verdict(report(Mode.PLAN, MigrationReport.FAILED, false))).isEqualTo("NOT VERIFIED");
  }

  @Test
  void exitsZeroOnlyForACompletedVerifiedRunOrACompletedPlan() {
    assertThat(MigrationRuns.exitCode(report(Mode.COPY, MigrationReport.COMPLETED, true))).isZero();
    assertThat(MigrationRuns.exitCode(report(Mode.PLAN, MigrationReport.COMPLETED, false))).isZero();
    assertThat(MigrationRuns.exitCode(report(Mode.COPY, MigrationReport.COMPLETED, false))).isEqualTo(1);
    assertThat(MigrationRuns.exitCode(report(Mode.PLAN, MigrationReport.FAILED, false))).isEqualTo(1);
  }

  private static MigrationReport report(Mode mode, String status, boolean verified) {
    return new MigrationReport("id", mode, status, verified, List.of(), List.of(), null, List.of(), 0, 1);
  }
}
