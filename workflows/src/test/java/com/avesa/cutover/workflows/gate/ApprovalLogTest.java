package com.avesa.cutover.workflows.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApprovalLogTest {
  private static ApprovalRecord refused(int i) {
    return new ApprovalRecord("cutover", "mallory-" + i, ApprovalRecord.Decision.REFUSED, "spam", Instant.EPOCH.plusSeconds(i),
        null, "gate cutover is not pending", null);
  }

  @Test
  void keepsFiftyRefusalsAndCountsTheRest() {
    ApprovalLog log = new ApprovalLog();
    for (int i = 0; i < 120; i++) {
      log.add(refused(i));
    }

    assertThat(log.kept()).hasSize(ApprovalLog.MAX_REFUSED);
    assertThat(log.refusedNotKept()).isEqualTo(70);
    assertThat(log.report()).hasSize(51).last().satisfies(summary -> {
      assertThat(summary.decision()).isEqualTo(ApprovalRecord.Decision.REFUSED);
      assertThat(summary.note()).isEqualTo("70 more refused decision(s) not kept: 120 refused in all, the first 50 are listed");
      assertThat(summary.at()).isEqualTo(Instant.EPOCH.plusSeconds(119));
    });
  }

  @Test
  void approvalsAreKeptWhateverTheRefusalsBefore() {
    ApprovalLog log = new ApprovalLog();
    for (int i = 0; i < 60; i++) {
      log.add(refused(i));
    }
    log.add(new ApprovalRecord("cutover", "alice", ApprovalRecord.Decision.APPROVED, "CAB-1", Instant.EPOCH, null, null, null));

    assertThat(log.kept()).hasSize(51).last().extracting(ApprovalRecord::approver).isEqualTo("alice");
  }

  @Test
  void cutsReasonsNotesAndIdentitiesWithAMarkerSayingHowMuch() {
    ApprovalLog log = new ApprovalLog();
    ApprovalRecord kept = log.add(new ApprovalRecord("g".repeat(300), "a".repeat(400), ApprovalRecord.Decision.REFUSED,
        "r".repeat(1_500), Instant.EPOCH, null, "n".repeat(1_001), null));

    assertThat(kept.gate()).isEqualTo("g".repeat(256) + "…[cut 44 chars]");
    assertThat(kept.approver()).isEqualTo("a".repeat(256) + "…[cut 144 chars]");
    assertThat(kept.reason()).isEqualTo("r".repeat(1_000) + "…[cut 500 chars]");
    assertThat(kept.note()).isEqualTo("n".repeat(1_000) + "…[cut 1 chars]");
    assertThat(ApprovalLog.cut("short", 10)).isEqualTo("short");
    assertThat(ApprovalLog.cut(null, 10)).isNull();
  }
}
