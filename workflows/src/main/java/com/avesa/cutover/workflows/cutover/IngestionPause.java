package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.run.CutoverStep;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How long ingestion stood still: from the moment the source rules were off to the moment the
 * target rules were on, and what that time went to. Measured from the run's steps (workflow time).
 *
 * @param sourceRulesOff when disableSourceIngestion ended
 * @param targetRulesOn when enableTargetIngestion ended; null until then (or when the run rolled back before)
 * @param total {@code targetRulesOn - sourceRulesOff}; null without both
 * @param drain the drainSourceIngestion step (null when the run had none)
 * @param finalSync the finalSync step
 * @param dns the switchDns step (null without a DNS switch)
 * @param enable the enableTargetIngestion step
 */
public record IngestionPause(Instant sourceRulesOff, Instant targetRulesOn, Duration total, Duration drain,
    Duration finalSync, Duration dns, Duration enable) {

  /** The pause as the steps show it, or null before the source rules are off. */
  static IngestionPause of(List<StepRecord> steps) {
    StepRecord off = done(steps, CutoverStep.DISABLE_SOURCE_INGESTION);
    if (off == null) {
      return null;
    }
    StepRecord on = done(steps, CutoverStep.ENABLE_TARGET_INGESTION);
    Instant targetOn = on == null ? null : on.endedAt();
    return new IngestionPause(off.endedAt(), targetOn,
        targetOn == null ? null : Duration.between(off.endedAt(), targetOn),
        took(steps, CutoverStep.DRAIN_SOURCE_INGESTION), took(steps, CutoverStep.FINAL_SYNC),
        took(steps, CutoverStep.SWITCH_DNS), took(steps, CutoverStep.ENABLE_TARGET_INGESTION));
  }

  /**
   * One line: {@code ingestion paused PT4M10S (drain PT1M, final sync PT3M, DNS PT5S, enable PT5S)};
   * while target ingestion is not on yet, {@code source ingestion off since ...}.
   */
  public String describe() {
    java.util.List<String> parts = new java.util.ArrayList<>();
    part(parts, "drain", drain);
    part(parts, "final sync", finalSync);
    part(parts, "DNS", dns);
    part(parts, "enable", enable);
    String head = total == null ? "source ingestion off since " + sourceRulesOff + ", target ingestion not on"
        : "ingestion paused " + seconds(total);
    return parts.isEmpty() ? head : head + " (" + String.join(", ", parts) + ")";
  }

  private static void part(java.util.List<String> parts, String name, Duration d) {
    if (d != null) {
      parts.add(name + " " + seconds(d));
    }
  }

  private static Duration seconds(Duration d) {
    return d.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  }

  private static StepRecord done(List<StepRecord> steps, CutoverStep step) {
    return steps.stream().filter(s -> s.name() == step && s.status() == StepRecord.Status.DONE).findFirst()
        .orElse(null);
  }

  private static Duration took(List<StepRecord> steps, CutoverStep step) {
    return steps.stream().filter(s -> s.name() == step && s.endedAt() != null)
        .map(s -> Duration.between(s.startedAt(), s.endedAt())).findFirst().orElse(null);
  }
}
