package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.avesa.cutover.cli.CliHarness.Run;
import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.gate.ApprovalRecord;
import io.temporal.client.WorkflowExecutionDescription;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code avesa cutover}, {@code approve} and {@code reject} against {@link ScriptedCutoverWorkflow}. */
class CutoverCommandsTest {
  @RegisterExtension static final CliHarness TEMPORAL = new CliHarness();

  @Test
  void cutoverWithoutWaitPrintsTheWorkflowIdAndStartsTheRunAsTheCaller() {
    Run run = start(CutoverConfigs.config("started"), "alice");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("started-cutover\n");
    assertThat(awaitGate("started-cutover", "cutover").requestedBy()).isEqualTo("alice");
    assertThat(TEMPORAL.client().fetchHistory("started-cutover").getEvents().get(0)
        .getWorkflowExecutionStartedEventAttributes().getIdentity()).isEqualTo("alice");
  }

  @Test
  void cutoverWithWaitPrintsTheReportAndExitsAsResultWould() {
    MigrationConfig config =
        CutoverConfigs.config("waited", new ApprovalsConfig(List.of(), 1, true, false, Duration.ofSeconds(2)));

    Run run = TEMPORAL.avesa("cutover", "-c", TEMPORAL.cutoverConfig(config).toString(), "--wait",
        "--identity", "alice");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
    // Without a terminal: a line per change while it runs, the closing line, then the report.
    assertThat(run.out()).containsPattern("(?m)^\\d+s +GATE +gate cutover \\(1 more approval needed\\)$")
        .containsPattern("(?m)^\\d+s +EXPIRED$")
        .containsPattern("(?m)^run waited-cutover ended: COMPLETED, outcome EXPIRED after \\d+s — steps ")
        .contains("\n\nCUTOVER waited-cutover: EXPIRED")
        .endsWith("EXPIRED: no approval in time; nothing was changed\n");
    assertThat(run.err()).isEqualTo("avesa: cutover waited-cutover ended EXPIRED: no approval within PT2S\n");
  }

  @Test
  void theRunCarriesASummaryAndMarkdownDetailsForTheUi() {
    start(CutoverConfigs.config("described", new ApprovalsConfig(List.of("bob", "carol"), 1, true, true, null)), "alice");

    WorkflowExecutionDescription description =
        TEMPORAL.client().newUntypedWorkflowStub("described-cutover").describe();

    assertThat(description.getStaticSummary())
        .isEqualTo("Cutover described: approvers bob, carol (1 required); window PT4H");
    assertThat(description.getStaticDetails())
        .contains("**Cutover described**, requested by alice")
        .contains("- **Source account**: 111111111111")
        .contains("- **Source rules** (disabled): ingest-prod")
        .contains("- **DNS**: api.avesa.example CNAME → api.target.avesa.example (TTL 60 s) in zone Z123")
        .contains("- **Approvals**: 1 of bob, carol; four eyes (not the requester); sign-off after monitoring");
  }

  @Test
  void theIdentityFlagWinsOverAvesaIdentityWhichWinsOverUserAtHost() {
    Map<String, String> env = Map.of(Identity.ENV, "from-env");

    TEMPORAL.avesaWithEnv(env, "cutover", "-c", file("by-flag"), "--identity", "from-flag");
    TEMPORAL.avesaWithEnv(env, "cutover", "-c", file("by-env"));
    TEMPORAL.avesa("cutover", "-c", file("by-default"));

    assertThat(awaitGate("by-flag-cutover", "cutover").requestedBy()).isEqualTo("from-flag");
    assertThat(awaitGate("by-env-cutover", "cutover").requestedBy()).isEqualTo("from-env");
    assertThat(awaitGate("by-default-cutover", "cutover").requestedBy()).isEqualTo(Identity.userAtHost())
        .contains("@");
  }

  @Test
  void aConfigWithoutACutoverSectionExitsTwoWithOneLineAndStartsNothing() {
    Run run = TEMPORAL.avesa("cutover", "-c", TEMPORAL.config("no-section").toString(), "--identity", "alice");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines()).singleElement().asString().contains("cutover:").contains("no-section.yaml");
    assertThat(run.out()).isEmpty();
    assertThat(TEMPORAL.exists("no-section-cutover")).isFalse();
  }

  @Test
  void anApprovalFromAnotherIdentityIsAcceptedInOneLineSayingWhatIsStillNeeded() {
    atGate(CutoverConfigs.config("two-needed", new ApprovalsConfig(List.of(), 2, true, false, null)));

    Run run = TEMPORAL.avesa("approve", "two-needed-cutover", "--gate", "cutover", "--reason", "CAB-123",
        "--window-start", "2026-12-01T02:00:00Z", "--identity", "bob");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("bob approved gate cutover of two-needed-cutover: 1 more approval needed; "
        + "window starts 2026-12-01T02:00:00Z\n");
    assertThat(progress("two-needed-cutover").approvals()).singleElement()
        .extracting(ApprovalRecord::approver, ApprovalRecord::decision, ApprovalRecord::reason)
        .containsExactly("bob", ApprovalRecord.Decision.APPROVED, "CAB-123");
  }

  @Test
  void theLastApprovalOpensTheGateAndTheRunCutsOver() {
    atGate(CutoverConfigs.config("one-needed"));

    Run run = TEMPORAL.avesa("approve", "one-needed-cutover", "--gate", "cutover", "--reason", "CAB-7",
        "--identity", "bob");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("bob approved gate cutover of one-needed-cutover: no more approvals needed; "
        + "window starts 20");
    Run result = TEMPORAL.avesa("result", "one-needed-cutover", "--json");
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("\"outcome\" : \"CUT_OVER\"");
  }

  @Test
  void anApprovalByTheRequesterIsRefusedWithTheValidatorsReasonAndChangesNothing() {
    CutoverReport before = atGate(CutoverConfigs.config("four-eyes"));

    Run run = TEMPORAL.avesa("approve", "four-eyes-cutover", "--gate", "cutover", "--reason", "CAB-123",
        "--identity", "alice");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(run.err()).isEqualTo(
        "avesa: approval refused: alice requested this cutover and cannot approve it (four eyes)\n");
    assertThat(run.out()).isEmpty();
    CutoverReport after = progress("four-eyes-cutover");
    assertThat(after.approvals()).isEmpty();
    assertThat(after.approvalsNeeded()).isEqualTo(before.approvalsNeeded()).isEqualTo(1);
    assertThat(after.pendingGate()).isEqualTo("cutover");
    assertThat(after.windowStart()).isNull();
  }

  @Test
  void approveWaitsForAGateThatBecomesPendingAfterADelay() {
    start(CutoverConfigs.config("late-gate-a"), "alice");
    await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
        .until(() -> progress("late-gate-a-cutover"), report -> "PREFLIGHT".equals(report.phase()));

    Run run = TEMPORAL.avesa("approve", "late-gate-a-cutover", "--gate", "cutover", "--reason", "CAB-9",
        "--wait-gate", "PT30S", "--identity", "bob");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("bob approved gate cutover of late-gate-a-cutover");
  }

  @Test
  void approveGivesUpWithOneLineWhenTheGateNeverBecomesPending() {
    atGate(CutoverConfigs.config("no-sign-off"));
    long startedAt = System.nanoTime();

    Run run = TEMPORAL.avesa("approve", "no-sign-off-cutover", "--gate", "signOff", "--reason", "looks fine",
        "--wait-gate", "PT2S", "--identity", "bob");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(run.err()).isEqualTo("gate signOff of no-sign-off-cutover is not pending after waiting 2s "
        + "(phase GATE, gate cutover pending)\n");
    assertThat(Duration.ofNanos(System.nanoTime() - startedAt)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    assertThat(progress("no-sign-off-cutover").approvals()).isEmpty();
  }

  @Test
  void aWindowStartThatIsNeitherNowNorAnInstantIsAUsageErrorNamingTheFlag() {
    Run run = TEMPORAL.avesa("approve", "any-cutover", "--gate", "cutover", "--reason", "CAB-1",
        "--window-start", "tomorrow night");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines()).singleElement().asString().startsWith("--window-start: 'tomorrow night'");
    assertThat(ApproveCommand.parseWindowStart("now")).isEqualTo("now");
    assertThat(ApproveCommand.parseWindowStart("2026-12-01T03:00:00+01:00")).isEqualTo("2026-12-01T02:00:00Z");
  }

  @Test
  void aBlankReasonOrAnUnknownGateIsAUsageError() {
    Run blank = TEMPORAL.avesa("approve", "any-cutover", "--gate", "cutover", "--reason", "  ");
    Run gate = TEMPORAL.avesa("reject", "any-cutover", "--gate", "launch", "--reason", "no");

    assertThat(blank.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(blank.err().lines()).singleElement().asString().startsWith("--reason");
    assertThat(gate.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(gate.err().lines()).singleElement().asString().startsWith("--gate: 'launch'");
  }

  @Test
  void rejectingTheCutoverGateEndsTheRunRejectedAndADecisionOnItThenSaysItEnded() {
    atGate(CutoverConfigs.config("rejected"));

    Run run = TEMPORAL.avesa("reject", "rejected-cutover", "--gate", "cutover", "--reason", "not tonight",
        "--identity", "bob");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("bob rejected gate cutover of rejected-cutover: not tonight\n");
    Run result = TEMPORAL.avesa("result", "rejected-cutover");
    assertThat(result.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(result.out()).startsWith("CUTOVER rejected-cutover: REJECTED");
    assertThat(result.err()).isEqualTo("avesa: cutover rejected-cutover ended REJECTED: not tonight\n");

    Run late = TEMPORAL.avesa("approve", "rejected-cutover", "--gate", "cutover", "--reason", "CAB-1", "--identity", "bob");
    assertThat(late.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(late.err().lines()).singleElement().asString()
        .isEqualTo("run rejected-cutover has ended (COMPLETED): there is no gate to decide");
  }

  @Test
  void decisionsOnAnUnknownRunOrOnADataMigrationExitOne() {
    assertThat(TEMPORAL.avesa("migrate", "-c", TEMPORAL.config("slow-not-a-cutover").toString()).exitCode()).isZero();

    Run unknown = TEMPORAL.avesa("approve", "no-such-cutover", "--gate", "cutover", "--reason", "CAB-1");
    Run migration = TEMPORAL.avesa("reject", "slow-not-a-cutover-copy", "--gate", "cutover", "--reason", "no");

    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(unknown.err().lines()).singleElement().asString().contains("no run with id no-such-cutover");
    assertThat(migration.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(migration.err().lines()).singleElement().asString()
        .isEqualTo("run slow-not-a-cutover-copy is a DataMigrationWorkflow, which has no gates (gates are in cutover, "
            + "decommission and isolate runs)");
  }

  private static Run start(MigrationConfig config, String identity) {
    return TEMPORAL.avesa("cutover", "-c", TEMPORAL.cutoverConfig(config).toString(), "--identity", identity);
  }

  /** Starts a cutover of {@code config} as alice and returns its state once the cutover gate is pending. */
  private static CutoverReport atGate(MigrationConfig config) {
    start(config, "alice");
    return awaitGate(CutoverRuns.defaultId(config), "cutover");
  }

  private static String file(String name) {
    return TEMPORAL.cutoverConfig(CutoverConfigs.config(name)).toString();
  }

  private static CutoverReport progress(String workflowId) {
    return TEMPORAL.progress(workflowId);
  }

  private static CutoverReport awaitGate(String workflowId, String gate) {
    return TEMPORAL.awaitGate(workflowId, gate);
  }
}
