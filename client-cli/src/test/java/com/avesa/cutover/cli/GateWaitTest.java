package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When `approve --wait-gate` stops waiting, for a run named directly and for an isolation's child. */
class GateWaitTest {
  private static final String ISOLATION = "avesa-demo-isolate";
  private static final String CUTOVER_CHILD = "avesa-demo-isolate-cutover";

  private static GateView cutover(String id, String phase, String outcome) {
    return new GateView(id, "CUTOVER", phase, outcome, null, 0, null, null);
  }

  @Test
  void anEndedChildOfAnIsolationKeepsTheWaitGoingForTheNextPhasesGate() {
    GateView doneChild = cutover(CUTOVER_CHILD, "DONE", "CUT_OVER");

    assertThat(CutoverControl.stopWaiting(ISOLATION, doneChild, "decommission")).isFalse();
  }

  @Test
  void anEndedRunThatWasNamedStopsTheWait() {
    GateView done = cutover(CUTOVER_CHILD, "DONE", "CUT_OVER");

    assertThat(CutoverControl.stopWaiting(CUTOVER_CHILD, done, "signOff")).isTrue();
  }

  @Test
  void aRunningChildPastItsCutoverGateStopsTheWaitForThatGate() {
    GateView monitoring = cutover(CUTOVER_CHILD, "MONITORING", GateView.RUNNING);

    assertThat(CutoverControl.stopWaiting(ISOLATION, monitoring, "cutover")).isTrue();
    assertThat(CutoverControl.stopWaiting(ISOLATION, cutover(CUTOVER_CHILD, "GATE", GateView.RUNNING), "cutover"))
        .isFalse();
  }
}
