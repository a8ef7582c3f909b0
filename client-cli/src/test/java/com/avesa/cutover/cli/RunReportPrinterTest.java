package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.workflows.cutover.CutoverChanges;
import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.cutover.Outcome;
import com.avesa.cutover.workflows.decommission.ArchiveRecord;
import com.avesa.cutover.workflows.decommission.DecommissionReport;
import com.avesa.cutover.workflows.gate.ApprovalRecord;
import com.avesa.cutover.workflows.infra.InfrastructureReport;
import com.avesa.cutover.workflows.migration.MigrationReport;
import com.avesa.cutover.workflows.migration.Mode;
import com.avesa.cutover.workflows.run.MigrationStatus;
import com.avesa.cutover.workflows.run.PhaseOutcome;
import com.avesa.cutover.workflows.run.RunKind;
import com.avesa.cutover.workflows.run.RunReport;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every kind's report goes through {@link RunReportPrinter}: a phase run's report typed (not an
 * {@code Object}) prints as it always did, and the exit code and the line on err come from the
 * report's outcome.
 */
class RunReportPrinterTest {
  private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int print(RunReport report) {
    return RunReportPrinter.printOutcome(report, OutputOptions.Format.table, new PrintWriter(out, true),
        new PrintWriter(err, true));
  }

  @Test
  void aRejectedDecommissionPrintsItsFactsItemsListsAndProblemsAndFails() {
    DecommissionReport report = new DecommissionReport("decom-1", PhaseOutcome.REJECTED,
        List.of(new ArchiveRecord("src", "arch", "src/", "GLACIER", 10, 10, 100, true)), null,
        List.of(new ApprovalRecord("decommission", "alice", ApprovalRecord.Decision.REJECTED, "not yet",
            START.plus(Duration.ofMinutes(30)), null, null, "declared")),
        List.of(), List.of(new PhaseItem("s3 bucket old", "already gone")), List.of("rejected by alice: not yet"),
        START, START.plus(Duration.ofHours(1)));

    assertThat(print(report)).isEqualTo(ExitCodes.RUN_FAILED);

    assertThat(out.toString()).isEqualTo(String.join(System.lineSeparator(),
        "RUN             decom-1",
        "OUTCOME         REJECTED",
        "STARTED         2026-12-01T00:00:00Z",
        "ENDED           2026-12-01T01:00:00Z (1h)",
        "",
        "CHANGED (0)",
        "",
        "UNCHANGED (1)",
        "  s3 bucket old  already gone",
        "",
        "ARCHIVES (1)",
        "  sourceBucket=src  archiveBucket=arch  prefix=src/  storageClass=GLACIER  objects=10  copied=10  bytes=100"
            + "  verified=true",
        "",
        "APPROVALS (1)",
        "  approvals were not authenticated (approvals.identity: declared)",
        "  gate=decommission  approver=alice  decision=REJECTED  reason=not yet  at=2026-12-01T00:30:00Z"
            + "  identity=declared",
        "",
        "PROBLEMS (1)",
        "  rejected by alice: not yet",
        ""));
    assertThat(err.toString()).isEqualTo("avesa: run decom-1 REJECTED: rejected by alice: not yet"
        + System.lineSeparator());
  }

  @Test
  void anInfrastructureRunWithoutProblemsNamesWhatIsMissing() {
    InfrastructureReport report = new InfrastructureReport("infra-1", PhaseOutcome.FAILED, null, null, List.of(),
        List.of(), List.of("lambda function f", "rule r"), List.of(), START, START);

    assertThat(print(report)).isEqualTo(ExitCodes.RUN_FAILED);

    assertThat(out.toString()).contains("MISSING (2)");
    assertThat(err.toString()).isEqualTo("avesa: run infra-1 FAILED: lambda function f (and 1 more)"
        + System.lineSeparator());
  }

  @Test
  void aSucceededPhaseRunExitsZeroAndSaysNothingOnErr() {
    InfrastructureReport report = new InfrastructureReport("infra-2", PhaseOutcome.SUCCEEDED, 0, "ok", List.of(),
        List.of(), List.of(), List.of(), START, START);

    assertThat(print(report)).isEqualTo(ExitCodes.OK);

    assertThat(out.toString()).startsWith("RUN             infra-2" + System.lineSeparator()
        + "OUTCOME         SUCCEEDED" + System.lineSeparator());
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aCutoverAndAMigrationGoToTheirOwnPrinters() {
    CutoverReport rollback = new CutoverReport("c-rollback", RunKind.ROLLBACK, "avesa-prod",
        Outcome.ROLLED_BACK, "DONE", "ROLLED_BACK", "bob", null, 0, null, null, "alarm", List.of(), List.of(),
        List.of(), List.of(), CutoverChanges.none(), null, null, null);
    assertThat(print(rollback)).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).startsWith("ROLLBACK c-rollback: ROLLED_BACK");

    MigrationReport failed = new MigrationReport("m-1", Mode.COPY, MigrationStatus.FAILED, false, List.of(),
        List.of(), null, List.of("s3://a/k differs"), 0, 1);
    assertThat(print(failed)).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(out.toString()).contains("COPY m-1: FAILED");
    assertThat(err.toString()).isEqualTo("avesa: run m-1 failed: s3://a/k differs" + System.lineSeparator());
  }
}
