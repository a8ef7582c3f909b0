package com.avesa.cutover.runtime.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.avesa.cutover.workflows.FailureType;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.common.converter.DataConverter;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A worker with keys (its converter from {@link PayloadEncryption#workerCodec}) against a client
 * with the same keys and one without: the run a client without keys starts fails at once as
 * refused, a signal without keys is dropped, an update without them refused, and failure messages
 * are stored encrypted.
 */
@Timeout(60)
class PlaintextRefusalTest {
  private static final String QUEUE = "plaintext-refusal";
  private static final Map<String, String> KEYS = Map.of(Keyring.KEYS_VARIABLE, AesGcmPayloadCodecTest.NEW);

  /** A run that answers its input, fails with it, or waits for the first signal {@code note} and answers that. */
  @WorkflowInterface
  public interface Echo {
    @WorkflowMethod
    String echo(String text);

    @SignalMethod
    void note(String text);

    @UpdateMethod
    String noteNow(String text);
  }

  public static class EchoImpl implements Echo {
    private String note;

    @Override
    public String echo(String text) {
      if (text.startsWith("fail:")) {
        throw ApplicationFailure.newNonRetryableFailure(text, FailureType.BAD_CONFIG.type());
      }
      if (text.equals("wait")) {
        Workflow.await(() -> note != null);
        return note;
      }
      return text;
    }

    @Override
    public void note(String text) {
      if (note == null) {
        note = text;
      }
    }

    @Override
    public String noteNow(String text) {
      note(text);
      return note;
    }
  }

  private TestWorkflowEnvironment env;

  private WorkflowClient worker(Map<String, String> workerEnv) {
    DataConverter converter = PayloadEncryption.dataConverter(PayloadEncryption.workerCodec(workerEnv).orElseThrow());
    env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
        .setWorkflowClientOptions(WorkflowClientOptions.newBuilder().setDataConverter(converter).build())
        .build());
    // the first workflow task decrypts with a cold JVM: on a busy machine it may not yield for over the
    // default 1 s, and the deadlock detector's task failure would read as a retried refusal
    Worker worker = env.newWorker(QUEUE,
        WorkerOptions.newBuilder().setDefaultDeadlockDetectionTimeout(Duration.ofSeconds(30).toMillis()).build());
    worker.registerWorkflowImplementationTypes(PayloadEncryption.workflowImplementationOptions(), EchoImpl.class);
    env.start();
    return env.getWorkflowClient();
  }

  private WorkflowClient client(Map<String, String> clientEnv) {
    return WorkflowClient.newInstance(env.getWorkflowServiceStubs(), WorkflowClientOptions.newBuilder()
        .setNamespace(env.getNamespace()).setDataConverter(PayloadEncryption.dataConverter(clientEnv)).build());
  }

  private static Echo echo(WorkflowClient client, String id) {
    return client.newWorkflowStub(Echo.class, WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(id).build());
  }

  private List<HistoryEvent> history(String id) {
    return env.getWorkflowClient().fetchHistory(id).getEvents();
  }

  @AfterEach
  void close() {
    if (env != null) {
      env.close();
    }
  }

  @Test
  void aRunStartedWithoutTheKeysFailsOnceAsRefusedInsteadOfRetrying() {
    WorkflowClient keyed = worker(KEYS);
    WorkflowClient keyless = client(Map.of());

    WorkflowClient.start(echo(keyless, "keyless")::echo, "tenant acme");
    WorkflowFailedException failed = catchThrowableOfType(
        () -> keyed.newUntypedWorkflowStub("keyless").getResult(String.class), WorkflowFailedException.class);

    assertThat(failed).isNotNull();
    ApplicationFailure refused = (ApplicationFailure) failed.getCause();
    assertThat(refused.getType()).isEqualTo(FailureType.PLAINTEXT_PAYLOAD_REFUSED.type());
    assertThat(refused.isNonRetryable()).isTrue();
    assertThat(refused.getOriginalMessage()).contains("not encrypted", "AVESA_CODEC_KEYS", "AVESA_CODEC_ACCEPT_PLAINTEXT");
    assertThat(history("keyless")).extracting(HistoryEvent::getEventType)
        .contains(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED)
        .doesNotContain(EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED);
    WorkflowFailedException seenWithoutKeys = catchThrowableOfType(
        () -> keyless.newUntypedWorkflowStub("keyless").getResult(String.class), WorkflowFailedException.class);
    assertThat(((ApplicationFailure) seenWithoutKeys.getCause()).getOriginalMessage())
        .isEqualTo("the failure (PLAINTEXT_PAYLOAD_REFUSED) is encrypted: set AVESA_CODEC_KEYS or AVESA_CODEC_KEY_FILE"
            + " to the worker's keys to read it");
  }

  @Test
  void aRunStartedWithTheKeysRuns() {
    WorkflowClient keyed = worker(KEYS);

    assertThat(echo(keyed, "keyed").echo("tenant acme")).isEqualTo("tenant acme");
  }

  @Test
  void acceptPlaintextLetsARunWithoutKeysRunWhileMigrating() {
    WorkflowClient keyed = worker(Map.of(Keyring.KEYS_VARIABLE, AesGcmPayloadCodecTest.NEW,
        PayloadEncryption.ACCEPT_PLAINTEXT_VARIABLE, "true"));

    WorkflowClient.start(echo(client(Map.of()), "migrating")::echo, "tenant acme");

    assertThat(keyed.newUntypedWorkflowStub("migrating").getResult(String.class)).isEqualTo("tenant acme");
  }

  @Test
  void aSignalWithoutTheKeysIsDroppedAndTheRunGoesOn() {
    WorkflowClient keyed = worker(KEYS);
    WorkflowClient.start(echo(keyed, "waiting")::echo, "wait");

    client(Map.of()).newUntypedWorkflowStub("waiting").signal("note", "forged");
    keyed.newUntypedWorkflowStub("waiting").signal("note", "genuine");

    assertThat(keyed.newUntypedWorkflowStub("waiting").getResult(String.class)).isEqualTo("genuine");
  }

  @Test
  void anUpdateWithoutTheKeysIsRefusedAndTheRunGoesOn() {
    WorkflowClient keyed = worker(KEYS);
    WorkflowClient.start(echo(keyed, "updated")::echo, "wait");

    WorkflowUpdateException refused = catchThrowableOfType(
        () -> client(Map.of()).newUntypedWorkflowStub("updated").update("noteNow", String.class, "forged"),
        WorkflowUpdateException.class);
    String accepted = keyed.newUntypedWorkflowStub("updated").update("noteNow", String.class, "genuine");

    assertThat(refused).isNotNull();
    assertThat(accepted).isEqualTo("genuine");
    assertThat(keyed.newUntypedWorkflowStub("updated").getResult(String.class)).isEqualTo("genuine");
  }

  @Test
  void failureMessagesAreStoredEncryptedAndTheClientWithKeysReadsThem() {
    WorkflowClient keyed = worker(KEYS);

    WorkflowFailedException failed = catchThrowableOfType(
        () -> echo(keyed, "failing").echo("fail: tenant acme-secret-tenant"), WorkflowFailedException.class);

    assertThat(((ApplicationFailure) failed.getCause()).getOriginalMessage()).isEqualTo("fail: tenant acme-secret-tenant");
    HistoryEvent end = history("failing").stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED).findFirst().orElseThrow();
    var stored = end.getWorkflowExecutionFailedEventAttributes().getFailure();
    assertThat(stored.getMessage()).doesNotContain("acme-secret-tenant");
    assertThat(stored.getStackTrace()).isEmpty();
    assertThat(stored.getEncodedAttributes().getMetadataOrThrow("encoding").toStringUtf8())
        .isEqualTo(AesGcmPayloadCodec.ENCODING);
    assertThat(stored.toByteString().toString(StandardCharsets.ISO_8859_1)).doesNotContain("acme-secret-tenant");
  }
}
