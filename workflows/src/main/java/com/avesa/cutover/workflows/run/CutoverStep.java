package com.avesa.cutover.workflows.run;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * The cutover's runbook steps, declared once: the workflow begins them, its compensations name the
 * step each undoes, the report records them ({@code StepRecord.name}, {@code CompensationRecord.undoes})
 * and the CLI prints them. Each is written as its {@link #wireName()}, the string reports and recorded
 * histories carry; those strings never change.
 */
public enum CutoverStep {
  PREFLIGHT("preflight"),
  CUTOVER_GATE("cutover gate"),
  LOWER_DNS_TTL("lowerDnsTtl"),
  HOLD_SCHEDULED_SYNC("holdScheduledSync"),
  AWAIT_SCHEDULED_SYNC("awaitScheduledSync"),
  DISABLE_SOURCE_INGESTION("disableSourceIngestion"),
  DRAIN_SOURCE_INGESTION("drainSourceIngestion"),
  FINAL_SYNC("finalSync"),
  SWITCH_DNS("switchDns"),
  ENABLE_TARGET_INGESTION("enableTargetIngestion"),
  SMOKE_TESTS("smokeTests"),
  MONITOR_ALARMS("monitorAlarms"),
  SIGN_OFF_GATE("sign-off gate");

  private final String wireName;

  CutoverStep(String wireName) {
    this.wireName = wireName;
  }

  /** The step's name in reports, progress and recorded histories, e.g. {@code switchDns}. */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** True when {@code name} (a recorded step name) is this step. */
  public boolean is(String name) {
    return wireName.equals(name);
  }

  /** The step a recorded name spells, if it is one. */
  public static Optional<CutoverStep> of(String name) {
    return Arrays.stream(values()).filter(step -> step.is(name)).findFirst();
  }

  @JsonCreator
  static CutoverStep fromWire(String name) {
    return of(name).orElseThrow(() -> new IllegalArgumentException("not a cutover step: " + name));
  }

  @Override
  public String toString() {
    return wireName;
  }
}
