package com.avesa.cutover.runtime.dev;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DevServerTest {
  private static final String QUEUE = "dev-server-test";
  private static final CountDownLatch firstWorkerGone = new CountDownLatch(1);

  @WorkflowInterface
  public interface Handover {
    @WorkflowMethod
    String run();
  }

  @ActivityInterface
  public interface Steps {
    String step(int n);
  }

  public static class HandoverImpl implements Handover {
    private final Steps steps = Workflow.newActivityStub(Steps.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build());

    @Override
    public String run() {
      return steps.step(1) + steps.step(2);
    }
  }

  static class WaitingSteps implements Steps {
    @Override
    public String step(int n) {
      try {
        firstWorkerGone.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "step" + n + ";";
    }
  }

  @Test
  void aRunOutlivesTheWorkerThatLastRanItsWorkflowCode() throws Exception {
    try (DevServer server = DevServer.start(0)) {
      WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
          WorkflowServiceStubsOptions.newBuilder().setTarget(server.address()).build());
      WorkflowClient client = WorkflowClient.newInstance(stubs);
      WorkerFactory first = WorkerFactory.newInstance(client);
      first.newWorker(QUEUE).registerWorkflowImplementationTypes(HandoverImpl.class);
      WorkerFactory activities = WorkerFactory.newInstance(client);
      activities.newWorker(QUEUE).registerActivitiesImplementations(new WaitingSteps());
      first.start();
      activities.start();

      Handover run = client.newWorkflowStub(Handover.class,
          WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId("handover").build());
      WorkflowClient.start(run::run);
      Thread.sleep(1_000);
      first.shutdownNow();
      first.awaitTermination(10, TimeUnit.SECONDS);
      firstWorkerGone.countDown();

      WorkerFactory second = WorkerFactory.newInstance(client);
      second.newWorker(QUEUE).registerWorkflowImplementationTypes(HandoverImpl.class);
      second.start();
      try {
        String result = WorkflowStub.fromTyped(run).getResult(30, TimeUnit.SECONDS, String.class);
        assertThat(result).isEqualTo("step1;step2;");
      } finally {
        second.shutdownNow();
        activities.shutdownNow();
        stubs.shutdownNow();
      }
    }
  }
}
