package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.account.AccountSetupReport;
import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.cutover.CompensationRecord;
import com.avesa.cutover.workflows.cutover.SmokeTestResult;
import com.avesa.cutover.workflows.decommission.ArchiveRecord;
import com.avesa.cutover.workflows.decommission.DecommissionReport;
import com.avesa.cutover.workflows.gate.ApprovalRecord;
import com.avesa.cutover.workflows.infra.InfrastructureReport;
import com.avesa.cutover.workflows.isolation.IsolationReport;
import com.avesa.cutover.workflows.isolation.PhaseRecord;
import com.avesa.cutover.workflows.run.CutoverStep;
import com.avesa.cutover.workflows.run.PhaseOutcome;
import com.avesa.cutover.workflows.run.RunReport;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import com.avesa.cutover.workflows.smoke.SmokeTestReport;
import com.avesa.cutover.workflows.validation.TenantValidation;
import com.avesa.cutover.workflows.validation.ValidationReport;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A full and a sparse report of each runbook phase kind, for the printer's snapshots: the full one
 * with every component set (lists of several rows, nested lists empty and not, a map out of key
 * order with a null value, times with nanoseconds), the sparse one with nulls and empty lists.
 */
final class PhaseReports {
  static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
  /** Nanoseconds, as the Jackson ISO writer and {@link Instant#toString()} both must print them. */
  static final Instant NANOS = Instant.parse("2026-12-01T01:02:03.456789123Z");
  static final Instant MICROS = Instant.parse("2026-12-01T00:30:00.120Z");

  private PhaseReports() {}

  /** A name (the snapshot's) and its report. */
  record Named(String name, RunReport report) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Named> all() {
    return List.of(
        new Named("account-full", accountFull()), new Named("account-sparse", accountSparse()),
        new Named("infra-full", infraFull()), new Named("infra-sparse", infraSparse()),
        new Named("smoke-full", smokeFull()), new Named("smoke-sparse", smokeSparse()),
        new Named("validate-full", validateFull()), new Named("validate-sparse", validateSparse()),
        new Named("decommission-full", decommissionFull()), new Named("decommission-sparse", decommissionSparse()),
        new Named("isolate-full", isolateFull()), new Named("isolate-sparse", isolateSparse()));
  }

  private static List<PhaseItem> items(String... itemAndDetail) {
    List<PhaseItem> items = new java.util.ArrayList<>();
    for (int i = 0; i < itemAndDetail.length; i += 2) {
      items.add(new PhaseItem(itemAndDetail[i], itemAndDetail[i + 1]));
    }
    return items;
  }

  private static <T> List<T> listOf(T... values) {
    return Arrays.asList(values);
  }

  static AccountSetupReport accountFull() {
    return new AccountSetupReport("acct-full", PhaseOutcome.FAILED, "987654321098", true,
        "arn:aws:iam::987654321098:role/AVESADeploymentRole",
        "arn:aws:sts::987654321098:assumed-role/AVESADeploymentRole/avesa",
        items("iam role AVESADeploymentRole", "created", "guardduty detector", "enabled (was disabled)",
            "s3 bucket trail-logs", null),
        items("cloudtrail trail avesa-audit-trail", PhaseItem.IN_PLACE, "config recorder", PhaseItem.IN_PLACE),
        items("iam role AVESADeploymentRole", "deleted", "organizations account 987654321098", "left for a person"),
        List.of("guardduty: AccessDenied", "cloudtrail: throttled"), START, NANOS);
  }

  static AccountSetupReport accountSparse() {
    return new AccountSetupReport("acct-sparse", PhaseOutcome.FAILED, null, false, null, "", null, List.of(),
        List.of(), List.of(), null, START);
  }

  static InfrastructureReport infraFull() {
    return new InfrastructureReport("infra-full", PhaseOutcome.FAILED, 3, "deploying...\nstack failed\n", items(
        "cloudformation stack AVESADataPipeline-prod", "updated", "lambda function f", "created"),
        listOf(new PhaseItem(null, "no name"), new PhaseItem("eventbridge rule r", "ENABLED")),
        List.of("dynamodb table T", "s3 bucket b"), List.of("deploy exited 3", "stack UPDATE_ROLLBACK_COMPLETE"),
        START, START.plusSeconds(3725));
  }

  static InfrastructureReport infraSparse() {
    return new InfrastructureReport("infra-sparse", PhaseOutcome.FAILED, null, null, List.of(), null,
        List.of("lambda function f", "rule r", "table t"), List.of(), START, null);
  }

  static SmokeTestReport smokeFull() {
    return new SmokeTestReport("smoke-full", PhaseOutcome.FAILED, List.of(
        new SmokeTestResult("avesa-ingest-prod", 200, null, "{\"ok\":true}"),
        new SmokeTestResult("avesa-canonical-prod", 200, "Unhandled", "{\"errorMessage\":\"boom\"}"),
        new SmokeTestResult("avesa-report-prod", 502, null, null)),
        List.of(), items("lambda function avesa-ingest-prod", "passed", "lambda function avesa-report-prod", "502"),
        List.of("avesa-canonical-prod: Unhandled"), START, START.plusSeconds(42));
  }

  static SmokeTestReport smokeSparse() {
    return new SmokeTestReport(null, PhaseOutcome.SUCCEEDED, List.of(), null, null, null, null, null);
  }

  static ValidationReport validateFull() {
    return new ValidationReport("validate-full", PhaseOutcome.SUCCEEDED, NANOS, "data-lake-prod", 1200, 30, 28,
        List.of(new TenantValidation("t-1", 600, 15, 14, true, List.of()),
            new TenantValidation("t-2", 600, 15, 14, false, List.of("no secret tenant/t-2/prod", "no new raw data")),
            new TenantValidation("t-3", 0, 0, 0, true, null)),
        List.of("stray/a.json", "other/b.json"), 250, List.of(), items("s3 bucket data-lake-prod", "checked"),
        List.of(), List.of("tenant t-3 has no new data", "250 stray keys"), START, START.plusSeconds(90061));
  }

  static ValidationReport validateSparse() {
    return new ValidationReport("validate-sparse", null, null, null, 0, 0, 0, null, List.of(), 0, null, null,
        List.of(), List.of(), null, null);
  }

  static DecommissionReport decommissionFull() {
    return new DecommissionReport("decommission-full", PhaseOutcome.SUCCEEDED, List.of(
        new ArchiveRecord("src-a", "archive", "src-a/", "GLACIER", 10, 4, 1000, true),
        new ArchiveRecord("src-b", "archive", null, "DEEP_ARCHIVE", 0, 0, 0, false)),
        NANOS,
        List.of(new ApprovalRecord("decommission", "alice", ApprovalRecord.Decision.APPROVED, "CAB-1", MICROS, null, null,
                ApprovalsConfig.DECLARED),
            new ApprovalRecord("decommission", "arn:aws:iam::1:user/bob", ApprovalRecord.Decision.REFUSED, null, NANOS, START,
                "same approver twice", ApprovalsConfig.AWS_IAM),
            new ApprovalRecord("retention", "carol", ApprovalRecord.Decision.APPROVED, null, START, null, null, null)),
        items("s3 bucket src-a", "archived then deleted", "s3 bucket src-b", "deleted"),
        items("lambda function old", "already gone"), List.of(), START, NANOS);
  }

  static DecommissionReport decommissionSparse() {
    return new DecommissionReport("decommission-sparse", PhaseOutcome.REJECTED, List.of(), null, List.of(
        new ApprovalRecord("decommission", "arn:aws:iam::1:user/bob", ApprovalRecord.Decision.REJECTED, "not yet", START, null,
            null, ApprovalsConfig.AWS_IAM)),
        null, null, List.of("rejected by arn:aws:iam::1:user/bob: not yet"), null, null);
  }

  static IsolationReport isolateFull() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("objects", 3L);
    counts.put("bytes", 3000L);
    counts.put("changed", 2L);
    counts.put("missing", null);
    return new IsolationReport("isolate-full", "avesa-prod", "carol", PhaseOutcome.FAILED, "CUTOVER", "cutover", 2,
        "isolate-full-cutover",
        List.of(new PhaseRecord("account-setup", "isolate-full-account-setup", PhaseRecord.Status.SUCCEEDED, START, MICROS, counts,
                items("iam role R", "created", "guardduty detector", "enabled"), List.of(), List.of(), "account 1"),
            new PhaseRecord("execute", null, PhaseRecord.Status.SUCCEEDED, MICROS, NANOS, Map.of(), List.of(), List.of(),
                List.of("late approval", "second look"), "approved by alice"),
            new PhaseRecord("cutover", "isolate-full-cutover", PhaseRecord.Status.FAILED, NANOS, null, null, null,
                items("dns api", "in place"), null, null)),
        List.of(new ApprovalRecord("execute", "alice", ApprovalRecord.Decision.APPROVED, "CAB-9", MICROS, null, null, null),
            new ApprovalRecord("cutover", "bob", ApprovalRecord.Decision.REJECTED, "not tonight", NANOS, START, null,
                ApprovalsConfig.DECLARED)),
        List.of(new CompensationRecord("enableSourceIngestion", CutoverStep.DISABLE_SOURCE_INGESTION, CompensationRecord.Status.DONE,
                NANOS, "re-enabled 3 rules"),
            new CompensationRecord("restoreDns", CutoverStep.SWITCH_DNS, CompensationRecord.Status.REGISTERED, null, null)),
        List.of("cutover rejected by bob", "rolled back"), START, null,
        List.of("unknown prefix raw/x/", "tenant t-9 has no secret"));
  }

  static IsolationReport isolateSparse() {
    return new IsolationReport("isolate-sparse", null, null, PhaseOutcome.SUCCEEDED, "DONE", null, 0, null, List.of(),
        List.of(new ApprovalRecord("execute", "arn:aws:iam::1:user/a", ApprovalRecord.Decision.APPROVED, null, START, null,
            null, ApprovalsConfig.AWS_IAM)), null, List.of(), START, START.plusSeconds(59));
  }
}
