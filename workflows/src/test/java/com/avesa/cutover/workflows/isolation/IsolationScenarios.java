package com.avesa.cutover.workflows.isolation;

import static org.awaitility.Awaitility.await;

import com.avesa.cutover.workflows.gate.Approval;
import com.avesa.cutover.workflows.histories.Histories;
import com.avesa.cutover.workflows.histories.Scenario;
import com.avesa.cutover.workflows.runbook.Phases;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The isolation's recorded paths (its phases are {@link ScriptedPhases} child runs): at the execute
 * gate; the cutover child running; done, decommission included; held at the validation gate by
 * findings (change {@value ProductionIsolationWorkflowImpl#VALIDATION_GATE_CHANGE}).
 */
public final class IsolationScenarios {
  private IsolationScenarios() {}

  public static List<Scenario> all() {
    List<Class<?>> types = new ArrayList<>(List.of(ProductionIsolationWorkflowImpl.class));
    types.addAll(List.of(ScriptedPhases.types()));
    return List.of(
        Scenario.open("isolation-at-execute-gate", types, (env, worker, id) -> {
          startAtTheGate(env, worker, id);
          return Histories.settled(env, id);
        }),
        Scenario.open("isolation-mid-cutover", types, (env, worker, id) -> {
          approve(startAtTheGate(env, worker, id));
          // COPY takes 10 minutes, the cutover child waits an hour for its gate.
          env.sleep(Duration.ofMinutes(20));
          await().atMost(Duration.ofSeconds(20)).until(() -> ScriptedPhases.journal.contains("cutover"));
          return Histories.settled(env, id);
        }),
        Scenario.open("isolation-at-validation-gate", types, (env, worker, id) -> {
          ProductionIsolationWorkflow workflow = startAtTheGate(env, worker, id);
          ScriptedPhases.validationFindings = true;
          approve(workflow);
          env.sleep(IsolationValidationGateTest.TO_THE_VALIDATION);
          await().atMost(Duration.ofSeconds(30))
              .until(() -> Phases.VALIDATION_GATE.equals(workflow.progress().pendingGate()));
          return Histories.settled(env, id);
        }),
        Scenario.closed("isolation-done", types, (env, worker, id) -> {
          ProductionIsolationWorkflow workflow = startAtTheGate(env, worker, id);
          approve(workflow);
          ProductionIsolationWorkflowTest.result(workflow);
          return Histories.settled(env, id);
        }));
  }

  private static ProductionIsolationWorkflow startAtTheGate(TestWorkflowEnvironment env, Worker worker, String id) {
    ScriptedPhases.reset();
    env.start();
    ProductionIsolationWorkflow workflow = ProductionIsolationWorkflowTest.start(env, worker, id,
        IsolationFixtures.config());
    ProductionIsolationWorkflowTest.awaitExecuteGate(workflow);
    return workflow;
  }

  private static void approve(ProductionIsolationWorkflow workflow) {
    workflow.approveGate(new Approval(Phases.EXECUTE_GATE, "alice", "CHG-1", null));
  }
}
