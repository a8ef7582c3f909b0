package com.avesa.cutover.workflows.report;

import static com.avesa.cutover.workflows.report.MigrationAndCutoverMarkdownTest.START;
import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.cli.ReportMarkdown;
import com.avesa.cutover.workflows.account.AccountSetupReport;
import com.avesa.cutover.workflows.cutover.SmokeTestResult;
import com.avesa.cutover.workflows.decommission.ArchiveRecord;
import com.avesa.cutover.workflows.decommission.DecommissionReport;
import com.avesa.cutover.workflows.gate.ApprovalRecord;
import com.avesa.cutover.workflows.infra.InfrastructureReport;
import com.avesa.cutover.workflows.run.PhaseOutcome;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import com.avesa.cutover.workflows.smoke.SmokeTestReport;
import com.avesa.cutover.workflows.validation.TenantValidation;
import com.avesa.cutover.workflows.validation.ValidationReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The documents of the runbook's phase runs, pinned as a person would read them. */
class PhaseMarkdownTest {
  private static final Instant END = START.plus(Duration.ofMinutes(2));

  /** Temporal's times; the phase reports carry their own, which win. */
  private static RunFacts run(String id, String type) {
    return new RunFacts(id, type, "COMPLETED", START.minusSeconds(30), END.plusSeconds(30));
  }

  @Test
  void anAccountSetupShowsTheAccountRoleAndWhatItChanged() {
    AccountSetupReport report = new AccountSetupReport("avesa-prod-account-setup", PhaseOutcome.SUCCEEDED,
        "987654321098", true, "arn:aws:iam::987654321098:role/AVESADeploymentRole",
        "arn:aws:sts::987654321098:assumed-role/AVESADeploymentRole/avesa",
        List.of(new PhaseItem("iam role AVESADeploymentRole", "created")),
        List.of(new PhaseItem("guardduty detector", PhaseItem.IN_PLACE)), List.of(), List.of(), START, END);

    String md = ReportMarkdown.render(run("avesa-prod-account-setup", "AccountSetupWorkflow"), report);

    assertThat(md).isEqualTo("""
        # Account setup avesa-prod-account-setup — SUCCEEDED

        - Run: `avesa-prod-account-setup`
        - Started: 2026-12-01T02:00:00Z
        - Ended: 2026-12-01T02:02:00Z
        - Duration: 2m 0s
        - Account: 987654321098 (created by this run)
        - Deployment role: arn:aws:iam::987654321098:role/AVESADeploymentRole
        - Caller: arn:aws:sts::987654321098:assumed-role/AVESADeploymentRole/avesa
        - Counts: changed 1, unchanged 1, compensated 0

        ## Changed and unchanged

        Changed:

        - iam role AVESADeploymentRole — created

        Unchanged:

        - guardduty detector — already in place

        ## Problems

        None.
        """);
  }

  @Test
  void aFailedInfrastructureRunNamesWhatIsMissingAndTheDeployOutput() {
    InfrastructureReport report = new InfrastructureReport("avesa-prod-infrastructure", PhaseOutcome.FAILED, 1,
        "Error: stack ```rolled``` back", List.of(), List.of(),
        List.of("cloudformation stack AVESADataPipeline-prod (ROLLBACK_COMPLETE)"),
        List.of("deploy command cdk-deploy exited 1"), START, END);

    String md = ReportMarkdown.render(run("avesa-prod-infrastructure", "InfrastructureWorkflow"), report);

    assertThat(md).isEqualTo("""
        # Infrastructure avesa-prod-infrastructure — FAILED

        - Run: `avesa-prod-infrastructure`
        - Started: 2026-12-01T02:00:00Z
        - Ended: 2026-12-01T02:02:00Z
        - Duration: 2m 0s
        - Deploy command: exited 1
        - Counts: changed 0, unchanged 0, missing 1

        ## Missing

        - cloudformation stack AVESADataPipeline-prod (ROLLBACK_COMPLETE)

        ## Deploy output (last lines)

        ```
        Error: stack '''rolled''' back
        ```

        ## Changed and unchanged

        Nothing.

        ## Problems

        - deploy command cdk-deploy exited 1
        """);
  }

  @Test
  void smokeTestsShowEveryFunctionAndHowItAnswered() {
    SmokeTestReport report = new SmokeTestReport("avesa-prod-smoke-test", PhaseOutcome.FAILED,
        List.of(new SmokeTestResult("avesa-connectwise-ingestion-prod", 200, null, "{\"ok\":true}"),
            new SmokeTestResult("avesa-canonical-transform-prod", 200, "Unhandled", "{\"errorMessage\":\"a|b\"}")),
        List.of(), List.of(new PhaseItem("lambda function avesa-connectwise-ingestion-prod", "passed")),
        List.of("avesa-canonical-transform-prod: Unhandled"), START, END);

    String md = ReportMarkdown.render(run("avesa-prod-smoke-test", "SmokeTestWorkflow"), report);

    assertThat(md).isEqualTo("""
        # Smoke tests avesa-prod-smoke-test — FAILED

        - Run: `avesa-prod-smoke-test`
        - Started: 2026-12-01T02:00:00Z
        - Ended: 2026-12-01T02:02:00Z
        - Duration: 2m 0s
        - Counts: functions 2, failed 1

        ## Functions

        | Function | Passed | Status code | Error | Response (start) |
        |---|---|---|---|---|
        | avesa-connectwise-ingestion-prod | yes | 200 | — | {"ok":true} |
        | avesa-canonical-transform-prod | no | 200 | Unhandled | {"errorMessage":"a\\|b"} |

        ## Changed and unchanged

        Unchanged:

        - lambda function avesa-connectwise-ingestion-prod — passed

        ## Problems

        - avesa-canonical-transform-prod: Unhandled
        """);
  }

  @Test
  void aValidationShowsEveryTenantStrayKeysWarningsAndProblems() {
    ValidationReport report = new ValidationReport("avesa-prod-validate", PhaseOutcome.FAILED,
        Instant.parse("2026-12-01T01:30:00Z"), "data-storage-msp-prod", 1234, 10, 4,
        List.of(new TenantValidation("acme", 1000, 10, 4, true, List.of()),
            new TenantValidation("globex", 200, 0, 0, false, List.of("secret tenant/globex/prod is missing"))),
        List.of("raw/departed/a.json"), 1, List.of(), List.of(), List.of(
            "raw/departed/: keys under a tenant prefix with no tenant in TenantServices"),
        List.of("tenant globex: no new objects under raw/globex/ or canonical/globex/ since 2026-12-01T01:30:00Z"),
        START, END);

    String md = ReportMarkdown.render(run("avesa-prod-validate", "PostCutoverValidationWorkflow"), report);

    assertThat(md).isEqualTo("""
        # Post-cutover validation avesa-prod-validate — FAILED

        - Run: `avesa-prod-validate`
        - Started: 2026-12-01T02:00:00Z
        - Ended: 2026-12-01T02:02:00Z
        - Duration: 2m 0s
        - Bucket: data-storage-msp-prod
        - New since: 2026-12-01T01:30:00Z
        - Counts: tenants 2, objects 1,234, new under raw/ 10, new under canonical/ 4, stray keys 1

        ## Tenants

        | Tenant | Objects | New raw | New canonical | Secret |
        |---|---|---|---|---|
        | acme | 1,000 | 10 | 4 | present |
        | globex | 200 | 0 | 0 | MISSING |

        ## Stray keys (1; 1 shown)

        - `raw/departed/a.json`

        ## Changed and unchanged

        Nothing.

        ## Warnings

        - tenant globex: no new objects under raw/globex/ or canonical/globex/ since 2026-12-01T01:30:00Z

        ## Problems

        - raw/departed/: keys under a tenant prefix with no tenant in TenantServices
        """);
  }

  @Test
  void aDecommissionShowsItsArchivesRetentionApprovalsAndRemovals() {
    Instant retentionEnds = Instant.parse("2026-12-31T02:01:00Z");
    DecommissionReport report = new DecommissionReport("avesa-prod-decommission", PhaseOutcome.SUCCEEDED,
        List.of(new ArchiveRecord("data-storage-msp", "data-storage-msp-archive", "data-storage-msp/", "GLACIER", 1234,
            1234, 3_500_000, true)),
        retentionEnds, List.of(new ApprovalRecord("decommission", "arn:aws:iam::123456789012:user/dave",
            ApprovalRecord.Decision.APPROVED, "CHG-9", retentionEnds.plusSeconds(60), null, null, "aws-iam")),
        List.of(new PhaseItem("source rule ConnectWiseIngestionSchedule", "removed")), List.of(), List.of(), START,
        retentionEnds.plusSeconds(120));

    String md = ReportMarkdown.render(run("avesa-prod-decommission", "DecommissionWorkflow"), report);

    assertThat(md).isEqualTo("""
        # Decommission avesa-prod-decommission — SUCCEEDED

        - Run: `avesa-prod-decommission`
        - Started: 2026-12-01T02:00:00Z
        - Ended: 2026-12-31T02:03:00Z
        - Duration: 30d 0h 3m 0s
        - Retention ends: 2026-12-31T02:01:00Z
        - Counts: archived 1,234 object(s), changed 1, unchanged 0

        ## Archives

        | Source bucket | Archive | Storage class | Objects | Copied | Bytes | Verified |
        |---|---|---|---|---|---|---|
        | data-storage-msp | data-storage-msp-archive/data-storage-msp/ | GLACIER | 1,234 | 1,234 | 3,500,000 | yes |

        ## Approvals

        | Gate | Who | Decision | When | Why |
        |---|---|---|---|---|
        | decommission | arn:aws:iam::123456789012:user/dave | APPROVED | 2026-12-31T02:02:00Z | CHG-9 |

        ## Changed and unchanged

        Changed:

        - source rule ConnectWiseIngestionSchedule — removed

        ## Problems

        None.
        """);
  }

  @Test
  void aPhaseReportWithoutItsOwnTimesTakesTemporals() {
    SmokeTestReport report = new SmokeTestReport("x-smoke-test", PhaseOutcome.SUCCEEDED, List.of(), List.of(),
        List.of(), List.of(), null, null);

    String md = ReportMarkdown.render(run("x-smoke-test", "SmokeTestWorkflow"), report);

    assertThat(md).contains("- Started: 2026-12-01T01:59:30Z\n- Ended: 2026-12-01T02:02:30Z\n- Duration: 3m 0s\n")
        .contains("## Functions\n\nNone.\n");
  }
}
