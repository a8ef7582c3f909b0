package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.gate.Approval;
import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.util.Duration;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The phase gauges the Grafana dashboard reads: 1 for the phase a run is in, 0 for those it left. */
@Timeout(60)
class CutoverMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @RegisterExtension
  final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(CutoverWorkflowImpl.class, ScriptedMigration.class)
      .setMetricsScope(new RootScopeBuilder().reporter(new MicrometerClientStatsReporter(registry))
          .reportEvery(Duration.ofMillis(10)))
      .setDoNotStart(true)
      .build();

  private double phase(String phase) {
    Gauge gauge = registry.find("avesa_cutover_phase").tags("config", "avesa-test", "phase", phase).gauge();
    return gauge == null ? Double.NaN : gauge.value();
  }

  @Test
  void thePhaseGaugeFollowsTheRunToItsOutcome(TestWorkflowEnvironment env, Worker worker) {
    CutoverFixtures fx = new CutoverFixtures();
    worker.registerActivitiesImplementations(fx.activities());
    env.start();
    CutoverWorkflow workflow = env.getWorkflowClient().newWorkflowStub(CutoverWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).setWorkflowId("cutover-metrics").build());
    WorkflowClient.start(workflow::cutover, new CutoverInput(CutoverFixtures.config(ApprovalsConfig.defaults()), "carol"));
    await().atMost(java.time.Duration.ofSeconds(20)).until(() -> phase("GATE") == 1.0);

    workflow.approveGate(new Approval(Gates.CUTOVER, "alice", "CAB-1", "now"));
    WorkflowStub.fromTyped(workflow).getResult(CutoverReport.class);

    await().atMost(java.time.Duration.ofSeconds(10)).until(() -> phase(Outcome.CUT_OVER.name()) == 1.0);
    assertThat(phase("GATE")).isZero();
    assertThat(phase("MONITORING")).isZero();
  }
}
