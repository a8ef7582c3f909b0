// Sums the history of a workflow over all of its continue-as-new runs: starts at the latest run,
// follows WorkflowExecutionStartedEvent.continuedExecutionRunId back to the first one.
// Run with the CLI jar on the class path (single-file source launch, Java 11+):
//   java -cp client-cli/target/avesa-cli.jar bench/HistoryChain.java 127.0.0.1:7233 default WORKFLOW_ID
// Prints one JSON object: runs, events (sum), maxEvents (largest run), start/close (epoch ms).
import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.ArrayList;
import java.util.List;

public class HistoryChain {
  public static void main(String[] args) {
    String address = args[0], namespace = args[1], workflowId = args[2];
    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
    try {
      var blocking = stubs.blockingStub();
      String runId = blocking.describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
              .setNamespace(namespace).setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId)).build())
          .getWorkflowExecutionInfo().getExecution().getRunId();
      long total = 0, max = 0, start = 0, close = 0;
      List<Long> perRun = new ArrayList<>();
      boolean latest = true;
      while (runId != null && !runId.isEmpty()) {
        long events = 0;
        HistoryEvent first = null, last = null;
        ByteString token = ByteString.EMPTY;
        do {
          GetWorkflowExecutionHistoryResponse page = blocking.getWorkflowExecutionHistory(
              GetWorkflowExecutionHistoryRequest.newBuilder().setNamespace(namespace)
                  .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId).setRunId(runId))
                  .setNextPageToken(token).build());
          for (HistoryEvent e : page.getHistory().getEventsList()) {
            if (first == null) first = e;
            last = e;
            events++;
          }
          token = page.getNextPageToken();
        } while (!token.isEmpty());
        if (latest && last != null) close = millis(last);
        latest = false;
        if (first != null) start = millis(first);
        total += events;
        max = Math.max(max, events);
        perRun.add(0, events);
        runId = first == null ? null
            : first.getWorkflowExecutionStartedEventAttributes().getContinuedExecutionRunId();
      }
      System.out.printf("{\"workflowId\":\"%s\",\"runs\":%d,\"events\":%d,\"maxEvents\":%d,\"perRun\":%s,"
              + "\"startMs\":%d,\"closeMs\":%d}%n", workflowId, perRun.size(), total, max, perRun, start, close);
    } finally {
      stubs.shutdownNow();
    }
  }

  private static long millis(HistoryEvent e) {
    return e.getEventTime().getSeconds() * 1000 + e.getEventTime().getNanos() / 1_000_000;
  }
}
