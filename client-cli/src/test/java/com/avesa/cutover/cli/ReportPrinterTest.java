package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.workflows.migration.BucketReport;
import com.avesa.cutover.workflows.migration.Extras;
import com.avesa.cutover.workflows.migration.MigrationReport;
import com.avesa.cutover.workflows.migration.Mode;
import com.avesa.cutover.workflows.migration.SecretReport;
import com.avesa.cutover.workflows.migration.TableReport;
import com.avesa.cutover.workflows.run.MigrationStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
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
    assertThat(ReportPrinter.verdict(report(Mode.COPY, MigrationStatus.COMPLETED, true))).isEqualTo("VERIFIED");
    assertThat(ReportPrinter.verdict(report(Mode.COPY, MigrationStatus.COMPLETED, false))).isEqualTo("NOT VERIFIED");
    assertThat(ReportPrinter.verdict(report(Mode.SYNC, MigrationStatus.FAILED, true))).isEqualTo("NOT VERIFIED");
    assertThat(ReportPrinter.verdict(report(Mode.PLAN, MigrationStatus.COMPLETED, false))).startsWith("PLAN ONLY");
    assertThat(ReportPrinter.verdict(report(Mode.PLAN, MigrationStatus.FAILED, false))).isEqualTo("NOT VERIFIED");
  }

  @Test
  void exitsZeroOnlyForACompletedVerifiedRunOrACompletedPlan() {
    assertThat(MigrationRuns.exitCode(report(Mode.COPY, MigrationStatus.COMPLETED, true))).isZero();
    assertThat(MigrationRuns.exitCode(report(Mode.PLAN, MigrationStatus.COMPLETED, false))).isZero();
    assertThat(MigrationRuns.exitCode(report(Mode.COPY, MigrationStatus.COMPLETED, false))).isEqualTo(1);
    assertThat(MigrationRuns.exitCode(report(Mode.PLAN, MigrationStatus.FAILED, false))).isEqualTo(1);
  }

  @Test
  void extrasAreListedPerBucketTableAndSecretsWithDeletedOnesMarkedAndTheRunStillVerifies() {
    MigrationReport report = withExtras(Mode.SYNC, false);

    String table = table(report);

    assertThat(table).contains("""
        EXTRAS (only in the target: reported, never a failure)
          dst-bucket: 2 object(s), 1 deleted
            raw/test-msp/a.json
            raw/gone/b.json (deleted)
          TenantServices: 1 item(s), 0 deleted
            tenant_id=test-msp
          secrets tenant/*/prod: 1 secret(s), 0 deleted
            tenant/test-msp/prod
        """);
    assertThat(table.strip()).endsWith("VERIFIED");
  }

  @Test
  void aPlanSaysWhatWouldBeDeletedAndAReverseRunNamesTheSource() {
    assertThat(table(withExtras(Mode.PLAN, false))).contains("raw/gone/b.json (would be deleted)")
        .contains("dst-bucket: 2 object(s), 1 would be deleted");
    assertThat(table(withExtras(Mode.REVERSE, true))).contains("EXTRAS (only in the source")
        .contains("src-bucket: 2 object(s)").contains("TenantServices-prod: 1 item(s)");
  }

  @Test
  void aReportWithoutExtrasPrintsNoExtrasSection() {
    assertThat(table(report(Mode.SYNC, MigrationStatus.COMPLETED, true))).doesNotContain("EXTRAS");
  }

  private static MigrationReport withExtras(Mode mode, boolean reverse) {
    BucketReport bucket = new BucketReport("src-bucket", "dst-bucket", 3, 300, 0, 0, 0, 3, 0, 3, Map.of(),
        new Extras(2, List.of("raw/test-msp/a.json", "raw/gone/b.json"), 1, List.of("raw/gone/b.json")));
    TableReport tenants = new TableReport("TenantServices-prod", "TenantServices", 2, 0, 2, "a", "a",
        new Extras(1, List.of("tenant_id=test-msp"), 0, List.of()));
    SecretReport secrets = new SecretReport(List.of("tenant/*/prod"), 1, 0, 0, List.of("tenant/acme/prod"),
        new Extras(1, List.of("tenant/test-msp/prod"), 0, List.of()));
    return new MigrationReport("id", mode, MigrationStatus.COMPLETED, mode != Mode.PLAN, List.of(bucket),
        List.of(tenants), secrets, List.of(), 0, 1, reverse);
  }

  private static String table(MigrationReport report) {
    StringWriter out = new StringWriter();
    ReportPrinter.printTable(report, new PrintWriter(out, true));
    return out.toString();
  }

  private static MigrationReport report(Mode mode, MigrationStatus status, boolean verified) {
    return new MigrationReport("id", mode, status, verified, List.of(), List.of(), null, List.of(), 0, 1);
  }
}
