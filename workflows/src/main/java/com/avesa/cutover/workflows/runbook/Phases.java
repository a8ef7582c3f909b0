package com.avesa.cutover.workflows.runbook;

import java.util.List;

/** The runbook's phases as {@code ProductionIsolationWorkflow} runs them, (their workflow ids: {@link com.avesa.cutover.workflows.run.RunIds}). */
public final class Phases {
  public static final String ACCOUNT_SETUP = "account-setup";
  public static final String INFRASTRUCTURE = "infrastructure";
  public static final String PLAN = "plan";
  public static final String EXECUTE_GATE = "execute";
  public static final String COPY = "copy";
  public static final String SMOKE_TEST = "smoke-test";
  public static final String CUTOVER = "cutover";
  public static final String VALIDATE = "validate";
  public static final String DECOMMISSION = "decommission";

  /** In order; {@link #EXECUTE_GATE} is a gate of the isolation run itself, the others child runs. */
  public static final List<String> ALL = List.of(ACCOUNT_SETUP, INFRASTRUCTURE, PLAN, EXECUTE_GATE, COPY,
      SMOKE_TEST, CUTOVER, VALIDATE, DECOMMISSION);

  /** The gate names outside the cutover: {@link #EXECUTE_GATE}, {@link #VALIDATION_GATE} and {@link #DECOMMISSION}. */
  public static final String DECOMMISSION_GATE = DECOMMISSION;

  /**
   * The isolation run's own gate after a validation with findings (unknown tenants' prefixes,
   * stray keys, a tenant without its secret): approve to go on to the decommission, reject to stop.
   * Held in the {@link #VALIDATE} phase; not a phase of its own.
   */
  public static final String VALIDATION_GATE = "validation";

  private Phases() {}
}
