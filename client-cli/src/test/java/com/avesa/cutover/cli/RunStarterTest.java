package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.avesa.cutover.cli.RunStarter.RunStart;
import com.avesa.cutover.workflows.RunSearchAttributes;
import com.avesa.cutover.workflows.SearchAttributesOnServer;
import com.avesa.cutover.workflows.TaskQueues;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.cutover.CutoverInput;
import com.avesa.cutover.workflows.isolation.IsolationInput;
import com.avesa.cutover.workflows.migration.MigrationInput;
import com.avesa.cutover.workflows.migration.Mode;
import com.avesa.cutover.workflows.run.RunKind;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import io.temporal.common.interceptors.WorkflowClientCallsInterceptor;
import io.temporal.common.interceptors.WorkflowClientCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowClientInterceptorBase;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The one start path ({@link RunStarter}) against the Temporal test server, for one kind of each
 * family the CLI starts (a migration, a cutover, an isolation): the start request as the client
 * sends it (type, id, task queue, id policies, summary, details, search attributes with the kind's
 * word, input), the attributes as the server keeps them, a running id refused with exit 1 and the
 * one message, a finished id started again. No worker polls: a started run stays open.
 */
class RunStarterTest {
  private static final MigrationConfig CONFIG = CutoverConfigs.config("avesa-prod");

  private TestWorkflowEnvironment env;
  private final List<WorkflowClientCallsInterceptor.WorkflowStartInput> sent = new ArrayList<>();
  private RunStarter starter;

  @BeforeEach
  void startServer() {
    env = TestWorkflowEnvironment.newInstance();
    SearchAttributesOnServer.register(env);
    WorkflowClient client = WorkflowClient.newInstance(env.getWorkflowServiceStubs(), WorkflowClientOptions.newBuilder()
        .setNamespace(env.getNamespace()).setInterceptors(new Capture()).build());
    starter = new RunStarter(client, RunSearchAttributes::atStart);
  }

  @AfterEach
  void stopServer() {
    env.close();
  }

  @Test
  void aMigrationStartsAsADataMigrationOfKindMigration() {
    MigrationInput input = MigrationInput.of(CONFIG, Mode.COPY);

    assertThat(starter.start(MigrationRuns.start(input, "avesa-prod-copy"))).isEqualTo("avesa-prod-copy");

    WorkflowClientCallsInterceptor.WorkflowStartInput request = onlyRequest();
    assertThat(request.getWorkflowType()).isEqualTo("DataMigrationWorkflow");
    assertShared(request.getOptions(), "avesa-prod-copy");
    assertThat(request.getOptions().getStaticSummary())
        .isEqualTo("COPY avesa-prod: 1 bucket(s) [src-bucket], 0 table(s) [], secrets []");
    assertThat(request.getOptions().getStaticDetails()).isNull();
    assertAttributes(request.getOptions().getTypedSearchAttributes(), "migration");
    assertThat(request.getArguments()).containsExactly(input);
    assertAttributes(onServer("avesa-prod-copy"), "migration");
  }

  @Test
  void aReversePlanIsAMigrationWhoseSummarySaysReverse() {
    RunStart start = MigrationRuns.start(MigrationInput.reversePlan(CONFIG), "avesa-prod-reverse-plan");

    assertThat(start.kind()).isEqualTo(RunKind.MIGRATION);
    assertThat(start.summary()).startsWith("REVERSE PLAN avesa-prod: ");
    assertThat(starter.options(start).getTypedSearchAttributes().get(RunSearchAttributes.KIND)).isEqualTo("migration");
  }

  @Test
  void aCutoverStartsWithItsSummaryDetailsAndKindCutover() {
    assertThat(starter.start(CutoverRuns.cutover(CONFIG, "alice", "avesa-prod-cutover", null)))
        .isEqualTo("avesa-prod-cutover");

    WorkflowClientCallsInterceptor.WorkflowStartInput request = onlyRequest();
    assertThat(request.getWorkflowType()).isEqualTo("CutoverWorkflow");
    assertShared(request.getOptions(), "avesa-prod-cutover");
    assertThat(request.getOptions().getStaticSummary()).isEqualTo(CutoverSummary.summary(CONFIG))
        .startsWith("Cutover avesa-prod: ");
    assertThat(request.getOptions().getStaticDetails()).isEqualTo(CutoverSummary.details(CONFIG, "alice"))
        .contains("requested by alice");
    assertAttributes(request.getOptions().getTypedSearchAttributes(), "cutover");
    assertThat(request.getArguments()).containsExactly(new CutoverInput(CONFIG, "alice", null));
    assertAttributes(onServer("avesa-prod-cutover"), "cutover");
  }

  @Test
  void anIsolationStartsAsTheProductionIsolationOfKindIsolate() {
    IsolationInput input = new IsolationInput(CONFIG, "alice", "proof");
    RunStart start = PhaseRuns.ISOLATE.start(CONFIG.name(), "avesa-prod-isolate", "isolate avesa-prod", input);

    assertThat(starter.start(start)).isEqualTo("avesa-prod-isolate");

    WorkflowClientCallsInterceptor.WorkflowStartInput request = onlyRequest();
    assertThat(request.getWorkflowType()).isEqualTo("ProductionIsolationWorkflow");
    assertShared(request.getOptions(), "avesa-prod-isolate");
    assertThat(request.getOptions().getStaticSummary()).isEqualTo("isolate avesa-prod");
    assertAttributes(request.getOptions().getTypedSearchAttributes(), "isolate");
    assertThat(request.getArguments()).containsExactly(input);
    assertAttributes(onServer("avesa-prod-isolate"), "isolate");
  }

  @Test
  void everyPhaseRunCarriesTheKindWordListFilters() {
    Map<PhaseRuns, String> words = new EnumMap<>(PhaseRuns.class);
    for (PhaseRuns phase : PhaseRuns.values()) {
      RunStart start = phase.start("avesa-prod", phase.defaultId(CONFIG), "s", null);
      words.put(phase, starter.options(start).getTypedSearchAttributes().get(RunSearchAttributes.KIND));
    }

    assertThat(words).containsExactlyInAnyOrderEntriesOf(Map.of(PhaseRuns.ACCOUNT_SETUP, "account",
        PhaseRuns.INFRASTRUCTURE, "infra", PhaseRuns.SMOKE_TEST, "smoke", PhaseRuns.VALIDATE, "validate",
        PhaseRuns.DECOMMISSION, "decommission", PhaseRuns.ISOLATE, "isolate"));
  }

  @Test
  void aRunningIdIsRefusedWithExitOneAndAFinishedOneStartsAgain() {
    RunStart start = MigrationRuns.start(MigrationInput.of(CONFIG, Mode.PLAN), "avesa-prod-plan");
    starter.start(start);
    String firstRun = env.getWorkflowClient().newUntypedWorkflowStub("avesa-prod-plan").describe().getExecution().getRunId();

    assertThatThrownBy(() -> starter.start(start)).isInstanceOfSatisfying(CliException.class, e -> {
      assertThat(e.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
      assertThat(e.getMessage()).isEqualTo("a run with id avesa-prod-plan is already running: "
          + "follow it with `avesa status avesa-prod-plan`, or pass --id");
    });
    env.getWorkflowClient().newUntypedWorkflowStub("avesa-prod-plan").terminate("done");
    starter.start(start);
    assertThat(env.getWorkflowClient().newUntypedWorkflowStub("avesa-prod-plan").describe().getExecution().getRunId())
        .isNotEqualTo(firstRun);
  }

  @Test
  void aNamespaceWithoutTheAttributesGetsARunWithoutThem() {
    RunStarter bare = new RunStarter(env.getWorkflowClient(), (config, kind) -> null);

    assertThat(bare.options(MigrationRuns.start(MigrationInput.of(CONFIG, Mode.SYNC), "avesa-prod-sync"))
        .getTypedSearchAttributes()).isNull();
  }

  private WorkflowClientCallsInterceptor.WorkflowStartInput onlyRequest() {
    assertThat(sent).hasSize(1);
    return sent.get(0);
  }

  private static void assertShared(WorkflowOptions options, String workflowId) {
    assertThat(options.getWorkflowId()).isEqualTo(workflowId);
    assertThat(options.getTaskQueue()).isEqualTo(TaskQueues.AVESA_CUTOVER);
    assertThat(options.getWorkflowIdConflictPolicy()).isEqualTo(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL);
    assertThat(options.getWorkflowIdReusePolicy()).isEqualTo(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE);
  }

  private static void assertAttributes(SearchAttributes attributes, String kind) {
    assertThat(attributes.get(RunSearchAttributes.CONFIG)).isEqualTo("avesa-prod");
    assertThat(attributes.get(RunSearchAttributes.KIND)).isEqualTo(kind);
  }

  private SearchAttributes onServer(String workflowId) {
    return env.getWorkflowClient().newUntypedWorkflowStub(workflowId).describe().getTypedSearchAttributes();
  }

  /** Records every start request this client sends. */
  private final class Capture extends WorkflowClientInterceptorBase {
    @Override
    public WorkflowClientCallsInterceptor workflowClientCallsInterceptor(WorkflowClientCallsInterceptor next) {
      return new WorkflowClientCallsInterceptorBase(next) {
        @Override
        public WorkflowStartOutput start(WorkflowStartInput input) {
          sent.add(input);
          return super.start(input);
        }
      };
    }
  }
}
