package com.avesa.cutover.workflows.cutover;

/** Names of the cutover's gates, as approvals carry them. */
public final class Gates {
  /** Opens the cutover: approvers agree to the window. */
  public static final String CUTOVER = "cutover";
  /** After monitoring, when {@code approvals.signOff} is on: a person confirms the target works. */
  public static final String SIGN_OFF = "signOff";

  private Gates() {}
}
