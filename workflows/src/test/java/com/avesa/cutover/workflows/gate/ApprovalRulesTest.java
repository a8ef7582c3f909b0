package com.avesa.cutover.workflows.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.workflows.config.ApprovalsConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of every gate, with a run's window hook: where the hook is asked, and where not. */
class ApprovalRulesTest {
  private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
  private static final ApprovalsConfig TWO_FOUR_EYES = new ApprovalsConfig(List.of("alice", "bob", "carol"), 2, true,
      false, Duration.ofDays(1));

  /** A hook whose gate {@code opens} asks for a window and refuses every start but {@code now}. */
  private static final GateWindow ONLY_NOW = new GateWindow() {
    @Override
    public String refuse(Approval approval, Instant now) {
      return "opens".equals(approval.gate()) && !"now".equals(approval.windowStart()) ? "only now at " + now : null;
    }

    @Override
    public Instant start(Approval approval) {
      return null;
    }
  };

  @Test
  void theWindowHookIsAskedLastWhenEverythingElsePasses() {
    ApprovalRules rules = new ApprovalRules(TWO_FOUR_EYES, "carol", ONLY_NOW);

    assertThat(rules.refuseApproval(new Approval("opens", "alice", "CAB-1", "tomorrow"), "opens", List.of(), NOW))
        .isEqualTo("only now at " + NOW);
    assertThat(rules.refuseApproval(new Approval("opens", "alice", "CAB-1", "now"), "opens", List.of(), NOW)).isNull();
    assertThat(rules.refuseApproval(new Approval("opens", "carol", "CAB-1", "tomorrow"), "opens", List.of(), NOW))
        .startsWith("four eyes: carol started this run");
    assertThat(rules.refuseApproval(new Approval("opens", "dave", "CAB-1", "tomorrow"), "opens", List.of(), NOW))
        .startsWith("dave is not an approver");
    List<ApprovalRecord> aliceApproved = List.of(new ApprovalRecord("opens", "alice", ApprovalRecord.Decision.APPROVED, "CAB-1",
        NOW, null, null));
    assertThat(rules.refuseApproval(new Approval("opens", "alice", "CAB-1", "tomorrow"), "opens", aliceApproved, NOW))
        .isEqualTo("alice already approved gate opens; 1 more approval(s) needed from someone else");
  }

  @Test
  void beforeTheIdentityIsKnownOnlyApprovalsAskTheHook() {
    ApprovalRules rules = new ApprovalRules(TWO_FOUR_EYES, "carol", ONLY_NOW);
    Approval decision = new Approval("opens", "whoever", "CAB-1", "tomorrow");

    assertThat(rules.refuseBeforeIdentity(decision, "opens", true, NOW)).isEqualTo("only now at " + NOW);
    assertThat(rules.refuseBeforeIdentity(decision, "opens", false, NOW)).isNull();
    assertThat(rules.refuseBeforeIdentity(decision, "other", true, NOW))
        .isEqualTo("gate opens is not pending (pending: other)");
    assertThat(rules.refuseRejection(decision, "opens")).startsWith("whoever is not an approver");
  }

  @Test
  void gatesWithoutAWindowIgnoreTheWindowStartAnApprovalCarries() {
    ApprovalRules rules = new ApprovalRules(TWO_FOUR_EYES, "carol", GateWindow.NONE);

    assertThat(rules.refuseApproval(new Approval("decommission", "alice", "CAB-1", "not a date"), "decommission",
        List.of(), NOW)).isNull();
    assertThat(rules.refuseBeforeIdentity(new Approval("decommission", "alice", "CAB-1", "not a date"), "decommission",
        true, NOW)).isNull();
    assertThat(GateWindow.NONE.start(new Approval("decommission", "alice", "CAB-1", "2026-12-01T03:00:00Z"))).isNull();
  }

  @Test
  void aGateNeedsAsManyDistinctApproversAsTheConfigRequires() {
    ApprovalRules rules = new ApprovalRules(TWO_FOUR_EYES, "carol", GateWindow.NONE);
    List<ApprovalRecord> decided = List.of(
        new ApprovalRecord("execute", "alice", ApprovalRecord.Decision.APPROVED, "r", NOW, null, null),
        new ApprovalRecord("execute", "alice", ApprovalRecord.Decision.APPROVED, "r", NOW, null, null),
        new ApprovalRecord("execute", "bob", ApprovalRecord.Decision.REFUSED, "r", NOW, null, "no"),
        new ApprovalRecord("other", "bob", ApprovalRecord.Decision.APPROVED, "r", NOW, null, null));

    assertThat(rules.needed(List.of(), "execute")).isEqualTo(2);
    assertThat(rules.needed(decided, "execute")).isEqualTo(1);
    assertThat(rules.needed(decided, "other")).isEqualTo(1);
  }
}
