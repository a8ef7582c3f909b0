package com.avesa.cutover.workflows.decommission;

import static com.avesa.cutover.workflows.run.WorkflowClock.now;

import com.avesa.cutover.workflows.gate.GateKeeper;
import com.avesa.cutover.workflows.run.PhaseOutcome;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import com.avesa.cutover.workflows.runbook.PhaseProgress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a decommission run knows so far: the step it is in, the archives, what it removed or
 * found gone, the problems. The query, the UI details and the report all read it. Workflow-thread only.
 */
final class DecommissionState {
  static final String ARCHIVE = "ARCHIVE";
  static final String RETENTION = "RETENTION";
  static final String GATE = "GATE";
  static final String REMOVING = "REMOVING";
  static final String DONE = "DONE";
  /** Problems kept in the report; the rest are counted (a broken archive may differ in every object). */
  static final int MAX_PROBLEMS = 50;

  private final String workflowId;
  private final String configName;
  private final GateKeeper gates;
  private final Instant started;
  private final List<ArchiveRecord> archives = new ArrayList<>();
  private final List<PhaseItem> changed = new ArrayList<>();
  private final List<PhaseItem> unchanged = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private long problemsOmitted;
  private String phase = ARCHIVE;
  private String step = "";
  private PhaseOutcome outcome = PhaseOutcome.RUNNING;
  private Instant waitUntil;
  private Instant retentionEnds;
  private Instant ended;
  private final int runs;

  /** The state of a first run ({@code resumed} null), or of a run that continues where {@code resumed} left off. */
  DecommissionState(String workflowId, String configName, GateKeeper gates, DecommissionCheckpoint resumed) {
    this.workflowId = workflowId;
    this.configName = configName;
    this.gates = gates;
    if (resumed == null) {
      this.started = now();
      this.runs = 0;
      return;
    }
    this.started = resumed.started();
    this.runs = resumed.runs();
    this.phase = resumed.phase();
    this.retentionEnds = resumed.retentionEnds();
    archives.addAll(resumed.archives());
    changed.addAll(resumed.changed());
    unchanged.addAll(resumed.unchanged());
    problems.addAll(resumed.problems());
    problemsOmitted = resumed.problemsOmitted();
    gates.resume(resumed.approvals());
  }

  /** What the next run needs to resume in {@code phase} (ARCHIVE at {@code archive}, or REMOVING). */
  DecommissionCheckpoint checkpoint(String phase, ArchiveCursor archive, int removalsDone) {
    return new DecommissionCheckpoint(phase, runs + 1, started, archive, removalsDone, archives, changed, unchanged,
        problems, problemsOmitted, retentionEnds, gates.approvals(), null);
  }

  String phase() {
    return phase;
  }

  /** Enters {@code phase}; {@code waitUntil} is when its wait ends, or null. */
  void at(String phase, String step, Instant waitUntil) {
    this.phase = phase;
    this.step = step;
    this.waitUntil = waitUntil;
  }

  void retentionEnds(Instant ends) {
    retentionEnds = ends;
  }

  /** Records the finished archive of {@code bucket}: its record, and the copies as changed (else unchanged). */
  void archived(String bucket, String archiveBucket, String storageClass, ArchiveCursor done) {
    long objects = done.objects();
    long verified = done.verified();
    archives.add(new ArchiveRecord(bucket, archiveBucket, bucket + "/", storageClass, objects, done.copied(),
        done.bytes(), verified == objects));
    String item = "s3 archive " + archiveBucket + "/" + bucket + "/";
    String verification = verified == objects ? "all verified" : (objects - verified) + " not verified";
    record(done.copied() > 0
        ? ResourceChange.done(item, String.format("copied %,d of %,d object(s) (%,d bytes in all) as %s, %s",
            done.copied(), objects, done.bytes(), storageClass, verification))
        : ResourceChange.found(item, String.format("already archived: %,d object(s) (%,d bytes), %s",
            objects, done.bytes(), verification)));
  }

  void record(ResourceChange change) {
    (change.changed() ? changed : unchanged).add(change.phaseItem());
  }

  void problem(String problem) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(problem);
    } else {
      problemsOmitted++;
    }
  }

  boolean hasProblem(String problem) {
    return problems.contains(problem);
  }

  boolean hasProblems() {
    return !problems.isEmpty();
  }

  long problemCount() {
    return problems.size() + problemsOmitted;
  }

  String firstProblem() {
    return problems.isEmpty() ? null : problems.get(0);
  }

  void end(PhaseOutcome outcome) {
    this.outcome = outcome;
    this.phase = DONE;
    this.waitUntil = null;
    this.ended = now();
  }

  DecommissionReport report() {
    return new DecommissionReport(workflowId, outcome, List.copyOf(archives), retentionEnds, gates.approvals(),
        List.copyOf(changed), List.copyOf(unchanged), problemLines(), started, ended);
  }

  PhaseProgress progress() {
    boolean running = outcome == PhaseOutcome.RUNNING;
    return new PhaseProgress(workflowId, phase, outcome, running ? gates.pendingGate() : null,
        running ? gates.approvalsNeeded() : 0, waitUntil, gates.approvals(), List.copyOf(changed),
        List.copyOf(unchanged), problemLines());
  }

  /** Markdown for the Temporal UI's current details. */
  String details() {
    StringBuilder md = new StringBuilder()
        .append("**Decommission ").append(configName).append("** — ").append(phase)
        .append(outcome == PhaseOutcome.RUNNING ? "" : " (" + outcome + ")")
        .append(step.isEmpty() ? "" : ": " + step).append("\n\n");
    if (RETENTION.equals(phase)) {
      md.append("Retention ends ").append(waitUntil).append("; the source is kept until then.\n\n");
    }
    if (GATE.equals(phase) && gates.pendingGate() != null) {
      md.append("Gate ").append(gates.pendingGate()).append(" needs ").append(gates.approvalsNeeded())
          .append(" approval(s) before ").append(waitUntil).append("; nothing is removed before that.\n\n");
    }
    long objects = archives.stream().mapToLong(ArchiveRecord::objects).sum();
    long bytes = archives.stream().mapToLong(ArchiveRecord::bytes).sum();
    return md.append(String.format("archived %,d object(s) (%,d bytes) from %d bucket(s); changed %d, unchanged %d;"
        + " problems %d%s", objects, bytes, archives.size(), changed.size(), unchanged.size(),
        problemCount(), runs == 0 ? "" : "; run " + (runs + 1))).toString();
  }

  private List<String> problemLines() {
    if (problemsOmitted == 0) {
      return List.copyOf(problems);
    }
    List<String> lines = new ArrayList<>(problems);
    lines.add("… and " + problemsOmitted + " more problem(s)");
    return List.copyOf(lines);
  }
}
