package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.workflows.isolation.IsolationReport;
import com.avesa.cutover.workflows.isolation.PhaseRecord;
import com.avesa.cutover.workflows.run.PhaseOutcome;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import com.avesa.cutover.workflows.runbook.PhaseProgress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How {@code avesa status} shows a phase run's and an isolation's typed progress. */
class PhaseStatusTest {
  private static final Instant START = Instant.parse("2026-11-28T01:00:00Z");
  private static final Instant NOW = Instant.parse("2026-11-28T01:30:00Z");

  private static PhaseProgress retention(String id, Instant until) {
    return new PhaseProgress(id, "RETENTION", PhaseOutcome.RUNNING, null, 0, until, List.of(), List.of(),
        List.of(), List.of());
  }

  @Test
  void aWaitShowsItsEndAndTheTimeLeft() {
    List<String> lines = new ArrayList<>();

    PhaseStatus.waiting("", retention("a", Instant.parse("2026-12-28T02:00:00Z")), NOW, lines);
    PhaseStatus.waiting("avesa-prod-isolate-decommission ", retention("b", Instant.parse("2026-11-28T02:00:00Z")),
        Instant.parse("2026-11-28T01:58:30Z"), lines);
    PhaseStatus.waiting("", retention("c", null), Instant.now(), lines);

    assertThat(lines).containsExactly(
        "  waiting  until 2026-12-28T02:00:00Z (30d00h30m left)",
        "  waiting  avesa-prod-isolate-decommission until 2026-11-28T02:00:00Z (1m30s left)");
  }

  @Test
  void aDecommissionAtItsGateShowsTheGateHowToApproveItAndItsCounts() {
    PhaseProgress gate = new PhaseProgress("avesa-prod-decommission", "GATE", PhaseOutcome.RUNNING, "decommission", 2,
        null, List.of(), List.of(new PhaseItem("s3 bucket src", "archived")), List.of(), List.of());
    RunStatus<PhaseProgress> status = new RunStatus<>("avesa-prod-decommission", "run-1", "DecommissionWorkflow",
        RunStatus.RUNNING, START, null, 12, gate);

    assertThat(new PhaseStatus(null).lines(status, NOW)).containsExactly(
        "avesa-prod-decommission (DecommissionWorkflow, run run-1): RUNNING",
        "  started  2026-11-28T01:00:00Z",
        "  phase    GATE, outcome RUNNING",
        "  gate     decommission pending in avesa-prod-decommission: 2 approval(s) needed — avesa approve "
            + "avesa-prod-decommission --gate decommission --reason …",
        "  changed  1, unchanged 0, problems 0");
  }

  @Test
  void anIsolationShowsEveryPhaseItsFindingsItsOwnGateAndItsFirstProblem() {
    IsolationReport isolation = new IsolationReport("avesa-prod-isolate", "prod", "ops", PhaseOutcome.RUNNING,
        "VALIDATE", "validation", 1, "avesa-prod-isolate",
        List.of(new PhaseRecord("CUTOVER", "avesa-prod-isolate-cutover", PhaseRecord.Status.SUCCEEDED, START, NOW, Map.of(), List.of(),
                List.of(), List.of(), "CUT_OVER"),
            new PhaseRecord("VALIDATE", "avesa-prod-isolate-validate", PhaseRecord.Status.WAITING, NOW, null, Map.of(), List.of(),
                List.of(), List.of(), null)),
        List.of(), List.of(), List.of("tenant t9 has no secret", "stray key x"), START, null,
        List.of("prefix tenants/t9/ of no known tenant"));
    RunStatus<IsolationReport> status = new RunStatus<>("avesa-prod-isolate", "run-2", "ProductionIsolationWorkflow",
        RunStatus.RUNNING, START, null, 40, isolation);

    assertThat(new PhaseStatus(null).lines(status, NOW)).containsExactly(
        "avesa-prod-isolate (ProductionIsolationWorkflow, run run-2): RUNNING",
        "  started  2026-11-28T01:00:00Z",
        "  phase    VALIDATE, outcome RUNNING",
        "  CUTOVER        SUCCEEDED  CUT_OVER",
        "  VALIDATE       WAITING    ",
        "  findings 1 (validation):",
        "    - prefix tenants/t9/ of no known tenant",
        "  gate     validation pending in avesa-prod-isolate: 1 approval(s) needed — avesa approve "
            + "avesa-prod-isolate --gate validation --reason …",
        "  problems 2: tenant t9 has no secret");
  }

  @Test
  void aPhaseRunWithoutAnAnswerSaysWhy() {
    RunStatus<PhaseProgress> running = new RunStatus<>("x", "r", "SmokeTestWorkflow", RunStatus.RUNNING, START, null,
        3, null);
    RunStatus<PhaseProgress> ended = new RunStatus<>("x", "r", "SmokeTestWorkflow", "FAILED", START, NOW, 3, null);

    assertThat(new PhaseStatus(null).lines(running, NOW))
        .endsWith("  progress unavailable (no worker answered the query)");
    assertThat(new PhaseStatus(null).lines(ended, NOW))
        .containsExactly("x (SmokeTestWorkflow, run r): FAILED", "  started  2026-11-28T01:00:00Z, closed "
            + "2026-11-28T01:30:00Z", "  ended: `avesa result x` prints its report");
  }
}
