package com.avesa.cutover.workflows.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.workflows.cutover.CompensationRecord;
import com.avesa.cutover.workflows.gate.ApprovalRecord;
import com.avesa.cutover.workflows.run.CutoverStep;
import com.avesa.cutover.workflows.run.PhaseOutcome;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IsolationMarkdownTest {
  private static final Instant START = Instant.parse("2026-12-01T02:00:00Z");

  private static PhaseRecord phase(String name, PhaseRecord.Status status, Duration took, Map<String, Long> counts,
      List<PhaseItem> changed, List<String> problems, String summary) {
    return new PhaseRecord(name, "run-" + name, status, START, took == null ? null : START.plus(took), counts,
        changed, List.of(), problems, summary);
  }

  private static IsolationReport report(PhaseOutcome outcome, List<PhaseRecord> phases, List<ApprovalRecord> approvals,
      List<CompensationRecord> compensations, List<String> problems, Instant ended) {
    return new IsolationReport("avesa-prod-isolate", "avesa-prod", "carol", outcome, "DONE", null, 0, null, phases,
        approvals, compensations, problems, START, ended);
  }

  @Test
  void aFailedRunShowsItsPhasesApprovalsCompensationsAndProblems() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("objectsCopied", 1_234_567L);
    counts.put("changed", 1L);
    IsolationReport report = report(PhaseOutcome.FAILED,
        List.of(phase("copy", PhaseRecord.Status.SUCCEEDED, Duration.ofHours(26).plusMinutes(3).plusSeconds(4), counts,
                List.of(new PhaseItem("s3 bucket a → b", "1,234,567 object(s) copied")), List.of(), "copied"),
            phase("cutover", PhaseRecord.Status.FAILED, Duration.ofSeconds(42), Map.of(), List.of(),
                List.of("alarm fired"), "ROLLED_BACK: alarm | errors\nin canonical/"),
            new PhaseRecord("validate", "run-validate", PhaseRecord.Status.SKIPPED, null, null, Map.of(), List.of(),
                List.of(), List.of(), "not reached (cutover FAILED)")),
        List.of(new ApprovalRecord("execute", "alice", ApprovalRecord.Decision.APPROVED, "CHG-1", START.plusSeconds(60), null,
            null)),
        List.of(new CompensationRecord("restoreDns", CutoverStep.SWITCH_DNS, CompensationRecord.Status.DONE, START.plusSeconds(90),
            "api.example.com restored")),
        List.of("cutover: alarm fired"), START.plus(Duration.ofDays(2)));

    String md = IsolationMarkdown.render(report);

    assertThat(md).startsWith("# Production isolation avesa-prod — FAILED\n")
        .contains("- Run: `avesa-prod-isolate`", "- Requested by: carol", "- Started: 2026-12-01T02:00:00Z",
            "- Ended: 2026-12-03T02:00:00Z", "- Duration: 2d 0h 0m 0s")
        .contains("| copy | SUCCEEDED | 2026-12-01T02:00:00Z | 1d 2h 3m 4s | objectsCopied 1,234,567, changed 1 | copied |")
        .contains("| cutover | FAILED | 2026-12-01T02:00:00Z | 42s |  | ROLLED_BACK: alarm \\| errors in canonical/ |")
        .contains("| validate | SKIPPED | — | — |  | not reached (cutover FAILED) |")
        .contains("| execute | alice | APPROVED | 2026-12-01T02:01:00Z | CHG-1 |")
        .contains("| restoreDns | switchDns | DONE | 2026-12-01T02:01:30Z | api.example.com restored |")
        .contains("### copy\n\nChanged:\n\n- s3 bucket a → b — 1,234,567 object(s) copied\n")
        .endsWith("## Problems\n\n- cutover: alarm fired\n")
        .doesNotContain("Phase now");
    assertThat(IsolationMarkdown.render(report)).isEqualTo(md);
  }

  @Test
  void aRunningRunNamesItsPhaseAndThePendingGate() {
    IsolationReport running = new IsolationReport("avesa-prod-isolate", "avesa-prod", "carol", PhaseOutcome.RUNNING,
        "execute", "execute", 2, "avesa-prod-isolate",
        List.of(phase("execute", PhaseRecord.Status.WAITING, null, Map.of(), List.of(), List.of(), null)), List.of(),
        List.of(), List.of(), START, null);

    String md = IsolationMarkdown.render(running);

    assertThat(md).contains("- Ended: —", "- Duration: —", "- Phase now: execute",
            "- Waiting for: gate execute, 2 approval(s) needed, in run `avesa-prod-isolate`",
            "| execute | WAITING | 2026-12-01T02:00:00Z | — |  |  |")
        .contains("## Approvals\n\nNone.", "## Compensations\n\nNone.", "## Changed and unchanged\n\nNothing yet.",
            "## Problems\n\nNone.");
  }
}
