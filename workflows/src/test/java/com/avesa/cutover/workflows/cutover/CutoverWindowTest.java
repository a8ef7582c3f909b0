package com.avesa.cutover.workflows.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.workflows.gate.Approval;
import com.avesa.cutover.workflows.gate.ApprovalRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cutover's hook on its gate keeper: the window start only gate cutover's approvals carry. */
class CutoverWindowTest {
  private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
  private final CutoverWindow window = new CutoverWindow();

  @Test
  void anApprovalOfGateCutoverMayNameAStartNotInThePastNorTooFarAhead() {
    assertThat(window.refuse(approval(Gates.CUTOVER, "2026-12-01T03:00:00Z"), NOW)).isNull();
    assertThat(window.refuse(approval(Gates.CUTOVER, "now"), NOW)).isNull();
    assertThat(window.refuse(approval(Gates.CUTOVER, null), NOW)).isNull();
    assertThat(window.refuse(approval(Gates.CUTOVER, "2026-12-01T01:59:30Z"), NOW)).isNull();
    assertThat(window.refuse(approval(Gates.CUTOVER, "2026-12-01T01:58:00Z"), NOW))
        .isEqualTo("windowStart 2026-12-01T01:58:00Z is in the past (now is " + NOW + "); give a later start or now");
    assertThat(window.refuse(approval(Gates.CUTOVER, "tonight"), NOW))
        .isEqualTo("windowStart tonight is not an ISO-8601 instant (e.g. 2026-12-01T02:00:00Z) or now");
    assertThat(window.refuse(approval(Gates.CUTOVER, "2028-02-01T02:00:00Z"), NOW))
        .isEqualTo("windowStart 2028-02-01T02:00:00Z is more than P400D ahead (now is " + NOW + "); give an earlier start");
  }

  @Test
  void otherGatesCarryNoWindow() {
    assertThat(window.refuse(approval(Gates.SIGN_OFF, "tonight"), NOW)).isNull();
    assertThat(window.start(approval(Gates.SIGN_OFF, "2026-12-01T03:00:00Z"))).isNull();
    assertThat(window.start(approval(Gates.CUTOVER, "2026-12-01T03:00:00Z")))
        .isEqualTo(Instant.parse("2026-12-01T03:00:00Z"));
    assertThat(window.start(approval(Gates.CUTOVER, "now"))).isNull();
  }

  @Test
  void theApprovalsAgreeOnTheLastStartGivenElseWhenTheGateOpened() {
    Instant first = Instant.parse("2026-12-01T03:00:00Z");
    Instant last = Instant.parse("2026-12-01T04:00:00Z");
    List<ApprovalRecord> decided = List.of(
        new ApprovalRecord(Gates.CUTOVER, "alice", ApprovalRecord.Decision.APPROVED, "r", NOW, first, null),
        new ApprovalRecord(Gates.CUTOVER, "bob", ApprovalRecord.Decision.APPROVED, "r", NOW, null, null),
        new ApprovalRecord(Gates.CUTOVER, "eve", ApprovalRecord.Decision.REFUSED, "r", NOW, Instant.EPOCH, "no"),
        new ApprovalRecord(Gates.CUTOVER, "carol", ApprovalRecord.Decision.APPROVED, "r", NOW, last, null));

    assertThat(CutoverWindow.windowStart(decided, NOW)).isEqualTo(last);
    assertThat(CutoverWindow.windowStart(decided.subList(1, 3), NOW)).isEqualTo(NOW);
  }

  private static Approval approval(String gate, String windowStart) {
    return new Approval(gate, "alice", "CAB-1", windowStart);
  }
}
