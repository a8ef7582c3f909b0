package com.avesa.cutover.cli;

import com.avesa.cutover.runtime.dev.DevServer;
import com.avesa.cutover.workflows.TaskQueues;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.cutover.CutoverWorkflow;
import com.avesa.cutover.workflows.cutover.Outcome;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import picocli.CommandLine;

/**
 * A real embedded Temporal server ({@link DevServer}) with a worker running
 * {@link EchoMigrationWorkflow}, {@link ScriptedCutoverWorkflow} and {@link EchoRollbackWorkflow},
 * and a way to run the CLI in-process against it with a given environment and config records.
 */
final class CliHarness implements BeforeAllCallback, AfterAllCallback {
  private final Map<Path, MigrationConfig> records = new ConcurrentHashMap<>();
  private DevServer server;
  private WorkflowServiceStubs stubs;
  private WorkerFactory factory;
  private Path dir;

  /** Exit code and captured output of one CLI invocation. */
  record Run(int exitCode, String out, String err) {}

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    server = DevServer.start(0);
    stubs = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(server.address()).build());
    factory = WorkerFactory.newInstance(WorkflowClient.newInstance(stubs));
    factory.newWorker(TaskQueues.AVESA_CUTOVER).registerWorkflowImplementationTypes(
        EchoMigrationWorkflow.class, com.avesa.cutover.workflows.sync.FinalSyncWorkflowImpl.class,
        ScriptedCutoverWorkflow.class, EchoRollbackWorkflow.class, ScriptedInfrastructureWorkflow.class,
        ScriptedIsolationWorkflow.class);
    factory.start();
    dir = Files.createTempDirectory("avesa-cli-test");
  }

  @Override
  public void afterAll(ExtensionContext context) {
    factory.shutdownNow();
    stubs.shutdownNow();
    server.close();
  }

  String address() {
    return server.address();
  }

  /** Runs {@code avesa args... --address <this server>} with an empty environment. */
  Run avesa(String... args) {
    return avesaWithEnv(Map.of(), args);
  }

  /**
   * Runs {@code avesa args... --address <this server>} as if {@code env} were the process
   * environment (for {@code AVESA_IDENTITY}); {@code -c} files written by {@link #cutoverConfig}
   * load as their records.
   */
  Run avesaWithEnv(Map<String, String> env, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--address", address()));
    CommandLine.IFactory factory = new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        if (type == TemporalOptions.class) {
          return type.cast(new TemporalOptions(env));
        }
        if (type == CutoverCommand.class) {
          return type.cast(new CutoverCommand(CliHarness.this::load));
        }
        return CommandLine.defaultFactory().create(type);
      }
    };
    return run(new CommandLine(new Avesa(), factory), all.toArray(String[]::new));
  }

  static Run avesaWithoutAddress(String... args) {
    return run(new CommandLine(new Avesa()), args);
  }

  private static Run run(CommandLine unconfigured, String... args) {
    CommandLine cli = Avesa.configure(unconfigured);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /** Writes a valid config named {@code name} (one bucket, one table, one secret glob). */
  Path config(String name) {
    return write(name + ".yaml", """
        name: %s
        region: us-east-1
        source: { accountId: "111111111111" }
        target: { accountId: "222222222222", roleArn: "arn:aws:iam::222222222222:role/AVESADeploymentRole",
                  externalId: key }
        data:
          buckets: [ { source: src-bucket, target: dst-bucket } ]
          tables: [ { source: TenantServices-prod, target: TenantServices } ]
          secrets: { include: ["tenant/*/prod"] }
        """.formatted(name));
  }

  /**
   * A file {@code -c} accepts that loads as {@code config} (the {@code cutover:} section of the
   * config file is parsed elsewhere; until then these configs are records).
   */
  Path cutoverConfig(MigrationConfig config) {
    Path file = write(config.name() + ".cutover.yaml", "# stands for the record " + config.name() + "\n");
    records.put(file, config);
    return file;
  }

  private MigrationConfig load(Path file) {
    MigrationConfig record = records.get(file);
    return record != null ? record : StartCommand.loadConfig(file);
  }

  Path write(String fileName, String content) {
    try {
      return Files.writeString(dir.resolve(fileName), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** True when the server knows a run with this workflow id. */
  boolean exists(String workflowId) {
    try {
      stubs.blockingStub().describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
          .setNamespace("default")
          .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
          .build());
      return true;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == io.grpc.Status.Code.NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  WorkflowClient client() {
    return WorkflowClient.newInstance(stubs);
  }

  /** The answer of a cutover's progress query. */
  CutoverReport progress(String workflowId) {
    return client().newWorkflowStub(CutoverWorkflow.class, workflowId).progress();
  }

  /** The cutover's state once {@code gate} is pending. */
  CutoverReport awaitGate(String workflowId, String gate) {
    return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
        .until(() -> progress(workflowId),
            report -> gate.equals(report.pendingGate()) && report.outcome() == Outcome.RUNNING);
  }
}
