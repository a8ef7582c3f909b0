package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.cutover.Outcome;
import com.avesa.cutover.workflows.cutover.StepRecord;
import com.avesa.cutover.workflows.gate.ApprovalRecord;
import com.avesa.cutover.workflows.migration.MigrationProgress;
import com.avesa.cutover.workflows.migration.Mode;
import com.avesa.cutover.workflows.run.CutoverStep;
import com.avesa.cutover.workflows.run.RunKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Progress samples of two runs as a follower would read them, each with the time it was read: a
 * data migration (copy, tables, verification) and a cutover (gate, window, switch, two hours of
 * alarm monitoring). The printers' snapshots are made from these.
 */
final class RecordedRuns {
  static final Instant START = Instant.parse("2026-12-02T06:00:00Z");
  private static final long MIB = 1L << 20;

  /** One sample and when it was read. */
  record Sample<P>(RunStatus<P> status, Instant at) {}

  private RecordedRuns() {}

  static List<Sample<MigrationProgress>> migration() {
    List<Sample<MigrationProgress>> samples = new ArrayList<>();
    samples.add(copy(0, "PREFLIGHT", "checking both accounts", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    samples.add(copy(2, "ENSURE", "target buckets and tables", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    samples.add(copy(4, "COPY", "bucket src-bucket page 1", 1000, 100 * MIB, 600, 60 * MIB, 400, 0, 0, 0, 0, 1));
    samples.add(copy(14, "COPY", "bucket src-bucket page 3", 3000, 300 * MIB, 1800, 180 * MIB, 1200, 0, 0, 0, 0, 3));
    samples.add(copy(24, "COPY", "table TenantServices-prod segment 2", 3050, 305 * MIB, 1830, 183 * MIB, 1220, 0,
        15, 5, 0, 4));
    samples.add(copy(30, "VERIFY", "bucket dst-bucket page 1", 3050, 305 * MIB, 1830, 183 * MIB, 1220, 0, 15, 5, 3, 4));
    samples.add(copy(40, "VERIFY", "bucket dst-bucket page 3", 3050, 305 * MIB, 1830, 183 * MIB, 1220, 2000, 15, 5, 3, 6));
    MigrationProgress done = new MigrationProgress(Mode.COPY, "DONE", "", 3050, 305 * MIB, 1830, 183 * MIB, 15, 5, 3, 8,
        0, 1, 1220, 0, 3050);
    samples.add(new Sample<>(new RunStatus<>("snap-copy", "run-1", "DataMigrationWorkflow", RunStatus.COMPLETED, START,
        START.plusSeconds(45), 0, done), START.plusSeconds(46)));
    return samples;
  }

  private static Sample<MigrationProgress> copy(long second, String phase, String step, long objects, long bytes,
      long copied, long bytesCopied, long checked, long verified, long items, long itemsCopied, int secrets, long pages) {
    MigrationProgress progress = new MigrationProgress(Mode.COPY, phase, step, objects, bytes, copied, bytesCopied,
        items, itemsCopied, secrets, pages, 0, 1, checked, 0, verified);
    return new Sample<>(new RunStatus<>("snap-copy", "run-1", "DataMigrationWorkflow", RunStatus.RUNNING, START, null,
        0, progress), START.plusSeconds(second));
  }

  static List<Sample<CutoverReport>> cutover() {
    Instant windowStart = START.plusSeconds(300);
    Instant windowEnd = windowStart.plusSeconds(4 * 3600);
    StepRecord preflightRunning = new StepRecord(CutoverStep.PREFLIGHT, StepRecord.Status.RUNNING, START, null, null);
    StepRecord preflight = new StepRecord(CutoverStep.PREFLIGHT, StepRecord.Status.DONE, START, START.plusSeconds(3), "all checks passed");
    StepRecord switching = new StepRecord(CutoverStep.SWITCH_DNS, StepRecord.Status.RUNNING, START.plusSeconds(320), null, null);
    StepRecord switched = new StepRecord(CutoverStep.SWITCH_DNS, StepRecord.Status.DONE, START.plusSeconds(320), START.plusSeconds(350),
        "api.avesa.example → api.target.avesa.example");
    Instant monitorStart = START.plusSeconds(360);
    StepRecord monitoring = new StepRecord(CutoverStep.MONITOR_ALARMS, StepRecord.Status.RUNNING, monitorStart, null, null);
    StepRecord monitored = new StepRecord(CutoverStep.MONITOR_ALARMS, StepRecord.Status.DONE, monitorStart, monitorStart.plusSeconds(7200),
        "121 check(s), no alarm in ALARM over PT2H");
    ApprovalRecord bob = new ApprovalRecord("cutover", "bob", ApprovalRecord.Decision.APPROVED, "CAB-123",
        START.plusSeconds(50), windowStart, null, "declared");

    List<Sample<CutoverReport>> samples = new ArrayList<>();
    samples.add(cutover(0, Outcome.RUNNING, "PREFLIGHT", "checking source and target", null, 0, null, null,
        List.of(), List.of(preflightRunning)));
    samples.add(cutover(4, Outcome.RUNNING, "GATE", "waiting for approval of cutover", "cutover", 1, null, null,
        List.of(), List.of(preflight)));
    samples.add(cutover(60, Outcome.RUNNING, "WAITING_FOR_WINDOW", "window opens at 2026-12-02T06:05:00Z", null, 0,
        windowStart, windowEnd, List.of(bob), List.of(preflight)));
    samples.add(cutover(330, Outcome.RUNNING, "CUTTING_OVER", "switching DNS", null, 0, windowStart, windowEnd,
        List.of(bob), List.of(preflight, switching)));
    samples.add(cutover(400, Outcome.RUNNING, "MONITORING", "target alarms OK after 1 check(s); PT1H59M20S to go", null,
        0, windowStart, windowEnd, List.of(bob), List.of(preflight, switched, monitoring)));
    samples.add(cutover(460, Outcome.RUNNING, "MONITORING", "target alarms OK after 2 check(s); PT1H58M20S to go", null,
        0, windowStart, windowEnd, List.of(bob), List.of(preflight, switched, monitoring)));
    CutoverReport done = report(Outcome.CUT_OVER, "DONE", "", null, 0, windowStart, windowEnd, List.of(bob),
        List.of(preflight, switched, monitored));
    samples.add(new Sample<>(new RunStatus<>("snap-cutover", "run-2", "CutoverWorkflow", RunStatus.COMPLETED, START,
        START.plusSeconds(7570), 0, done), START.plusSeconds(7571)));
    return samples;
  }

  private static Sample<CutoverReport> cutover(long second, Outcome outcome, String phase, String step, String gate,
      int needed, Instant windowStart, Instant windowEnd, List<ApprovalRecord> approvals, List<StepRecord> steps) {
    CutoverReport report = report(outcome, phase, step, gate, needed, windowStart, windowEnd, approvals, steps);
    return new Sample<>(new RunStatus<>("snap-cutover", "run-2", "CutoverWorkflow", RunStatus.RUNNING, START, null, 0,
        report), START.plusSeconds(second));
  }

  private static CutoverReport report(Outcome outcome, String phase, String step, String gate, int needed,
      Instant windowStart, Instant windowEnd, List<ApprovalRecord> approvals, List<StepRecord> steps) {
    return new CutoverReport("snap-cutover", RunKind.CUTOVER, "snap", outcome, phase, step, "alice", gate, needed,
        windowStart, windowEnd, null, approvals, steps, List.of(), List.of(), null, null, null,
        CutoverConfigs.config("snap"));
  }
}
