package com.avesa.cutover.workflows.gate;

import java.time.Instant;

/**
 * The hook a run gives its {@link GateKeeper} for what an approval of one of its gates asks for
 * besides the decision: the cutover's approval of gate {@code cutover} names the start of its
 * window (the cutover's hook knows that gate and the window rules). Runs whose gates ask for
 * nothing more use {@link #NONE}. Pure: the same answers in validators, handlers and signals.
 */
public interface GateWindow {
  /** Gates that carry no window: nothing more to refuse, nothing more to record. */
  GateWindow NONE = new GateWindow() {
    @Override
    public String refuse(Approval approval, Instant now) {
      return null;
    }

    @Override
    public Instant start(Approval approval) {
      return null;
    }
  };

  /** Why {@code approval} (of any gate, its rules otherwise passed) asks for a window it cannot have at {@code now}, or null. */
  String refuse(Approval approval, Instant now);

  /** The window start an accepted approval asks for, kept in its record; null for none (or {@code now}). */
  Instant start(Approval approval);
}
