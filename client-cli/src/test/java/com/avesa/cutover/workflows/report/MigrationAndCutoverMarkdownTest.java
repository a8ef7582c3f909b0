package com.avesa.cutover.workflows.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.cli.ReportMarkdown;
import com.avesa.cutover.workflows.cutover.CompensationRecord;
import com.avesa.cutover.workflows.cutover.CutoverChanges;
import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.cutover.DnsRecordSet;
import com.avesa.cutover.workflows.cutover.Outcome;
import com.avesa.cutover.workflows.cutover.StepRecord;
import com.avesa.cutover.workflows.gate.ApprovalRecord;
import com.avesa.cutover.workflows.migration.BucketReport;
import com.avesa.cutover.workflows.migration.MigrationReport;
import com.avesa.cutover.workflows.migration.Mode;
import com.avesa.cutover.workflows.migration.SecretReport;
import com.avesa.cutover.workflows.migration.TableReport;
import com.avesa.cutover.workflows.run.CutoverStep;
import com.avesa.cutover.workflows.run.MigrationStatus;
import com.avesa.cutover.workflows.run.RunKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The documents of migrations, syncs, cutovers and rollbacks, pinned as a person would read them. */
class MigrationAndCutoverMarkdownTest {
  static final Instant START = Instant.parse("2026-12-01T02:00:00Z");

  static RunFacts finished(String id, String type, String status) {
    return new RunFacts(id, type, status, START, Instant.parse("2026-12-01T03:04:05Z"));
  }

  @Test
  void aVerifiedCopyShowsItsTotalsAndEveryBucketTableAndSecret() {
    MigrationReport report = new MigrationReport("avesa-prod-copy", Mode.COPY, MigrationStatus.COMPLETED, true,
        List.of(new BucketReport("data-storage-msp", "data-storage-msp-prod", 1200, 3_500_000, 200, 200, 600_000, 1000,
            0, 1200, Map.of())),
        List.of(new TableReport("TenantServices-prod", "TenantServices", 42, 2, 42, "ab", "ab")),
        new SecretReport(List.of("tenant/*/prod"), 3, 1, 1, List.of("tenant/acme/prod")), List.of(), 0, 2);

    String md = ReportMarkdown.render(finished("avesa-prod-copy", "DataMigrationWorkflow", "COMPLETED"), report);

    assertThat(md).isEqualTo("""
        # Migration avesa-prod-copy — COMPLETED, verified

        - Run: `avesa-prod-copy`
        - Mode: COPY
        - Started: 2026-12-01T02:00:00Z
        - Ended: 2026-12-01T03:04:05Z
        - Duration: 1h 4m 5s
        - Runs: 2 (continue-as-new generations)
        - Counts: objects 1,200 (3,500,000 bytes), to copy 200, copied 200; items 42, copied 2; secrets 3, copied 1

        ## Buckets

        | Source | Target | Objects | Bytes | To copy | Copied | Bytes copied | Skipped | Failed | Verified |
        |---|---|---|---|---|---|---|---|---|---|
        | data-storage-msp | data-storage-msp-prod | 1,200 | 3,500,000 | 200 | 200 | 600,000 | 1,000 | 0 | 1,200 |

        ## Tables

        | Source | Target | Items | Copied | Target items | Digests |
        |---|---|---|---|---|---|
        | TenantServices-prod | TenantServices | 42 | 2 | 42 | equal |

        ## Secrets

        Include tenant/*/prod: 3 matched, 1 to copy, 1 copied (names only, never values)

        ## Problems

        None.
        """);
  }

  @Test
  void aFailedSyncListsItsProblemsAndHowManyMoreThereWere() {
    MigrationReport report = new MigrationReport("avesa-prod-sync", Mode.SYNC, MigrationStatus.FAILED, false,
        List.of(), List.of(new TableReport("LastUpdated-prod", "LastUpdated", 10, 0, 9, "aa", "bb")), null,
        List.of("table LastUpdated: 1 item missing in the target", "object raw/acme/a.json: content | differs"), 3, 1);

    String md = ReportMarkdown.render(finished("avesa-prod-sync", "DataMigrationWorkflow", "FAILED"), report);

    assertThat(md).isEqualTo("""
        # Sync avesa-prod-sync — FAILED

        - Run: `avesa-prod-sync`
        - Mode: SYNC
        - Started: 2026-12-01T02:00:00Z
        - Ended: 2026-12-01T03:04:05Z
        - Duration: 1h 4m 5s
        - Runs: 1 (continue-as-new generations)
        - Counts: objects 0 (0 bytes), to copy 0, copied 0; items 10, copied 0

        ## Buckets

        None.

        ## Tables

        | Source | Target | Items | Copied | Target items | Digests |
        |---|---|---|---|---|---|
        | LastUpdated-prod | LastUpdated | 10 | 0 | 9 | differ |

        ## Secrets

        None.

        ## Problems

        - table LastUpdated: 1 item missing in the target
        - object raw/acme/a.json: content | differs
        - 3 further problem(s) not listed
        """);
  }

  @Test
  void aCutoverShowsItsWindowApprovalsStepsAndWhatItChanged() {
    Instant window = Instant.parse("2026-12-01T02:10:00Z");
    CutoverChanges changes = CutoverChanges.none()
        .withSourceRulesDisabled(List.of("ConnectWiseIngestionSchedule"), window)
        .withDns("Z123", null, new DnsRecordSet(true, "api.example.com", "CNAME", 60L, List.of("api-prod.example.com"),
            null, null, null))
        .withTargetRulesEnabled(List.of("ConnectWiseIngestionSchedule"));
    CutoverReport report = new CutoverReport("avesa-prod-cutover", RunKind.CUTOVER, "avesa-prod",
        Outcome.CUT_OVER, "DONE", null, "carol", null, 0, window, Instant.parse("2026-12-01T06:10:00Z"), null,
        List.of(new ApprovalRecord("cutover", "alice", ApprovalRecord.Decision.APPROVED, "CAB-123", START.plusSeconds(60),
            window, null, "declared")),
        List.of(new StepRecord(CutoverStep.FINAL_SYNC, StepRecord.Status.DONE, window, window.plusSeconds(95), "3 object(s) copied"),
            new StepRecord(CutoverStep.SWITCH_DNS, StepRecord.Status.DONE, window.plusSeconds(95), window.plusSeconds(96),
                "api.example.com → api-prod.example.com")),
        List.of(), List.of(), changes, "avesa-prod-cutover-final-sync", null, null);

    String md = ReportMarkdown.render(finished("avesa-prod-cutover", "CutoverWorkflow", "COMPLETED"), report);

    assertThat(md).isEqualTo("""
        # Cutover avesa-prod — CUT_OVER

        - Run: `avesa-prod-cutover`
        - Requested by: carol
        - Started: 2026-12-01T02:00:00Z
        - Ended: 2026-12-01T03:04:05Z
        - Duration: 1h 4m 5s
        - Window: 2026-12-01T02:10:00Z → 2026-12-01T06:10:00Z
        - Final sync run: `avesa-prod-cutover-final-sync`
        - Counts: steps 2, compensations 0, approvals 1

        ## Approvals

        **approvals were not authenticated (approvals.identity: declared)**

        | Gate | Who | Decision | When | Why |
        |---|---|---|---|---|
        | cutover | alice | APPROVED | 2026-12-01T02:01:00Z | CAB-123; window from 2026-12-01T02:10:00Z |

        ## Steps

        | Step | Status | Started | Duration | Detail |
        |---|---|---|---|---|
        | finalSync | DONE | 2026-12-01T02:10:00Z | 1m 35s | 3 object(s) copied |
        | switchDns | DONE | 2026-12-01T02:11:35Z | 1s | api.example.com → api-prod.example.com |

        ## Changes

        Changed:

        - source rule ConnectWiseIngestionSchedule — disabled
        - dns record api.example.com CNAME — now api-prod.example.com
        - target rule ConnectWiseIngestionSchedule — enabled

        ## Compensations

        None.

        ## Problems

        None.
        """);
  }

  @Test
  void anIncompleteRollbackNamesWhyItsCompensationsAndWhatIsStillToUndo() {
    CutoverReport report = new CutoverReport("avesa-prod-cutover-rollback", RunKind.ROLLBACK, "avesa-prod",
        Outcome.ROLLBACK_INCOMPLETE, "DONE", null, "carol", null, 0, null, null, "error rate too high after cutover",
        List.of(),
        List.of(new StepRecord(CutoverStep.FINAL_SYNC, StepRecord.Status.FAILED, START, null, "AccessDenied on data-storage-msp")),
        List.of(new CompensationRecord("restoreDns", CutoverStep.SWITCH_DNS, CompensationRecord.Status.DONE, START.plusSeconds(5),
            "api.example.com restored"),
            new CompensationRecord("enableSourceIngestion", CutoverStep.DISABLE_SOURCE_INGESTION, CompensationRecord.Status.FAILED,
                START.plusSeconds(9), "AccessDenied")),
        List.of("enable source rule ConnectWiseIngestionSchedule"), CutoverChanges.none(), null,
        "avesa-prod-cutover-rollback-reverse", null);

    String md = ReportMarkdown.render(new RunFacts("avesa-prod-cutover-rollback", "RollbackWorkflow", "COMPLETED",
        START, START.plusSeconds(12)), report);

    assertThat(md).isEqualTo("""
        # Rollback avesa-prod — ROLLBACK_INCOMPLETE

        - Run: `avesa-prod-cutover-rollback`
        - Requested by: carol
        - Started: 2026-12-01T02:00:00Z
        - Ended: 2026-12-01T02:00:12Z
        - Duration: 12s
        - Why: error rate too high after cutover
        - Reverse sync run: `avesa-prod-cutover-rollback-reverse`
        - Counts: steps 1, compensations 2, approvals 0

        ## Approvals

        None.

        ## Steps

        | Step | Status | Started | Duration | Detail |
        |---|---|---|---|---|
        | finalSync | FAILED | 2026-12-01T02:00:00Z | — | AccessDenied on data-storage-msp |

        ## Changes

        None.

        ## Compensations

        | Compensation | Undoes | Status | When | Detail |
        |---|---|---|---|---|
        | restoreDns | switchDns | DONE | 2026-12-01T02:00:05Z | api.example.com restored |
        | enableSourceIngestion | disableSourceIngestion | FAILED | 2026-12-01T02:00:09Z | AccessDenied |

        ## Problems

        - error rate too high after cutover
        - step finalSync failed: AccessDenied on data-storage-msp
        - still to undo: enable source rule ConnectWiseIngestionSchedule
        """);
  }

  @Test
  void aRunningCutoverNamesItsPhaseStepAndPendingGate() {
    CutoverReport report = new CutoverReport("avesa-prod-cutover", RunKind.CUTOVER, "avesa-prod",
        Outcome.RUNNING, "GATE", "waiting for approval", "carol", "cutover", 2, null, null, null, List.of(), List.of(),
        List.of(), List.of(), null, null, null, null);

    String md = ReportMarkdown.render(new RunFacts("avesa-prod-cutover", "CutoverWorkflow", "RUNNING", START, null),
        report);

    assertThat(md).startsWith("""
        # Cutover avesa-prod — RUNNING

        - Run: `avesa-prod-cutover`
        - Requested by: carol
        - Started: 2026-12-01T02:00:00Z
        - Ended: —
        - Duration: —
        - Phase now: GATE — waiting for approval
        - Waiting for: gate cutover, 2 approval(s) needed
        - Counts: steps 0, compensations 0, approvals 0
        """).endsWith("## Problems\n\nNone.\n");
  }
}
