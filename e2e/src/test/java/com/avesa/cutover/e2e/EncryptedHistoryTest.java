package com.avesa.cutover.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.activities.demo.DemoEstate;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code AVESA_CODEC_KEYS} given to the worker and the CLI, the server stores only ciphertext:
 * no bucket, tenant or secret name in any payload or failure message of the raw history, while the
 * CLI (through the codec) still shows them; a run started by a CLI without the keys is refused.
 */
class EncryptedHistoryTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();
  private static final Duration RUN = Duration.ofMinutes(4);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEYS = "e2e-2:" + Base64.getEncoder().encodeToString(new byte[32]);
  private static final String CODEC_TOKEN = "e2e-codec-token-0123456789";
  private static final List<String> NAMES = List.of(DemoEstate.SOURCE_BUCKET, "acme", "tenant/acme/prod");

  @TempDir Path dir;

  @Test
  void theRawHistoryHoldsNoPlaintextNamesWhileTheCliShowsThem() throws IOException {
    DemoEstate.seed(MOTO.endpoint(), MotoExtension.REGION, 4);
    Path config = dir.resolve("avesa.yaml");
    Files.writeString(config, DemoEstate.configYaml(MOTO.endpoint(), MotoExtension.REGION));
    try (TemporalStack stack = new TemporalStack(Map.of("AVESA_CODEC_KEYS", KEYS))) {
      Map<String, String> cli = new HashMap<>(stack.cliEnv());
      cli.put("AVESA_CODEC_KEYS", KEYS);

      Launched.Result migrate = Launched.run(cli, RUN, "migrate", "-c", config.toString(), "--wait", "--json");
      assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
      String workflowId = JSON.readTree(migrate.stdout()).path("workflowId").asText("avesa-demo-copy");
      Launched.Result status = Launched.run(cli, RUN, "status", workflowId, "--json");
      Launched.Result result = Launched.run(cli, RUN, "result", workflowId, "--json");
      History raw = history(stack.address(), workflowId);
      List<Payload> stored = raw.payloads();
      assertThat(raw.versionMarkers()).as("version markers: a change id and a number, nothing of the estate")
          .allSatisfy(p -> assertThat(p.getData().toStringUtf8()).matches("\"[a-z0-9-]+\"|-?[0-9]+"));

      assertThat(stored).as("payloads in the raw history").isNotEmpty()
          .allSatisfy(p -> assertThat(p.getMetadataOrThrow("encoding").toStringUtf8()).isEqualTo("binary/encrypted"));
      for (String name : NAMES) {
        assertThat(stored).as("raw payload data").noneMatch(p -> p.getData().toString(StandardCharsets.ISO_8859_1).contains(name));
      }
      assertThat(migrate.stdout()).as("migrate --json").contains(DemoEstate.SOURCE_BUCKET, "acme", "tenant/acme/prod");
      assertThat(result.exitCode()).as(result.toString()).isZero();
      assertThat(result.stdout()).as("result --json").contains(DemoEstate.SOURCE_BUCKET, "acme", "tenant/acme/prod");
      assertThat(status.exitCode()).as(status.toString()).isZero();
      JsonNode progress = JSON.readTree(status.stdout()).path("progress");
      assertThat(progress.path("phase").asText()).as(status.stdout()).isEqualTo("DONE");
      assertThat(progress.path("objectsCopied").asLong()).isPositive();

      Map<String, String> withoutKeys = stack.cliEnv();
      Launched.Result unreadable = Launched.run(withoutKeys, RUN, "result", workflowId, "--json");
      assertThat(unreadable.stdout()).as("result without the keys").doesNotContain("tenant/acme/prod");
    }
  }

  @Test
  void aFailedRunKeepsItsMessageEncryptedAndARunStartedWithoutKeysIsRefused() throws IOException {
    String missing = "acme-missing-secret-bucket";
    Path config = dir.resolve("missing.yaml");
    Files.writeString(config, DemoEstate.configYaml(MOTO.endpoint(), MotoExtension.REGION)
        .replace("source: " + DemoEstate.SOURCE_BUCKET, "source: " + missing));
    int codecPort = Launched.freePort();
    try (TemporalStack stack = new TemporalStack(Map.of("AVESA_CODEC_KEYS", KEYS, "AVESA_CODEC_TOKEN", CODEC_TOKEN,
        "CODEC_PORT", Integer.toString(codecPort)))) {
      Map<String, String> cli = new HashMap<>(stack.cliEnv());
      cli.put("AVESA_CODEC_KEYS", KEYS);

      Launched.Result failed = Launched.run(cli, RUN, "migrate", "-c", config.toString(), "--id", "missing-copy", "--wait");
      History failedHistory = history(stack.address(), "missing-copy");

      assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
      assertThat(failed.stdout() + failed.stderr()).as("what the operator sees").contains(missing);
      assertThat(failedHistory.failures()).as("failures in the raw history").isNotEmpty()
          .allSatisfy(f -> assertThat(f.getMessage() + f.getStackTrace()).doesNotContain(missing).doesNotContain("acme"))
          .anySatisfy(f -> assertThat(f.getEncodedAttributes().getMetadataOrThrow("encoding").toStringUtf8())
              .isEqualTo("binary/encrypted"));
      assertThat(failedHistory.payloads()).noneMatch(p -> p.getData().toString(StandardCharsets.ISO_8859_1).contains(missing));
      assertThat(decode(codecPort, failedHistory.payloads(), null).statusCode()).as("codec without the token").isEqualTo(401);
      HttpResponse<String> decoded = decode(codecPort, failedHistory.payloads(), CODEC_TOKEN);
      assertThat(decoded.statusCode()).as(decoded.body()).isEqualTo(200);
      Payloads.Builder plain = Payloads.newBuilder();
      JsonFormat.parser().merge(decoded.body(), plain);
      assertThat(plain.getPayloadsList()).as("payloads the worker's codec endpoint decoded")
          .anyMatch(p -> p.getData().toStringUtf8().contains(missing));

      Launched.Result keyless = Launched.run(stack.cliEnv(), RUN, "migrate", "-c", config.toString(), "--id",
          "keyless-copy", "--wait");
      Launched.Result readWithKeys = Launched.run(cli, RUN, "result", "keyless-copy");
      History refusedHistory = history(stack.address(), "keyless-copy");

      assertThat(keyless.exitCode()).as(keyless.toString()).isEqualTo(1);
      assertThat(keyless.stderr()).as(keyless.toString())
          .contains("PLAINTEXT_PAYLOAD_REFUSED", "set AVESA_CODEC_KEYS or AVESA_CODEC_KEY_FILE")
          .doesNotContain("\tat ");
      assertThat(decode(codecPort, refusedHistory.payloads(), CODEC_TOKEN).statusCode())
          .as("the codec endpoint reads payloads from before encryption").isEqualTo(200);
      assertThat(readWithKeys.exitCode()).as(readWithKeys.toString()).isEqualTo(1);
      assertThat(readWithKeys.stdout() + readWithKeys.stderr()).contains("refused a payload that is not encrypted");
      assertThat(refusedHistory.events()).as("the refused run executed nothing")
          .noneMatch(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
          .noneMatch(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED)
          .anyMatch(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED
              && e.getWorkflowExecutionFailedEventAttributes().getFailure().getApplicationFailureInfo().getType()
                  .equals("PLAINTEXT_PAYLOAD_REFUSED")
              && e.getWorkflowExecutionFailedEventAttributes().getFailure().getApplicationFailureInfo().getNonRetryable());
    }
  }

  /** POST /codec/decode on the worker's codec port, with {@code token} as bearer when not null. */
  private static HttpResponse<String> decode(int port, List<Payload> payloads, String token) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/codec/decode"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JsonFormat.printer().print(Payloads.newBuilder().addAllPayloads(payloads))));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while calling the codec endpoint", e);
    }
  }

  /**
   * A run's raw history: its events, every payload in them and every failure (causes included).
   * The payloads of the SDK's version markers ({@code Workflow.getVersion}: a change id and a
   * number) are kept apart in {@code versionMarkers}: the SDK writes them with its standard
   * converter, never through the codec.
   */
  record History(List<HistoryEvent> events, List<Payload> payloads, List<Failure> failures,
      List<Payload> versionMarkers) {}

  private static final String VERSION_MARKER = "Version";

  private static History history(String address, String workflowId) {
    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
    try {
      History history = new History(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      for (HistoryEvent event : WorkflowClient.newInstance(stubs).fetchHistory(workflowId).getEvents()) {
        history.events().add(event);
        if (event.getEventType() == EventType.EVENT_TYPE_MARKER_RECORDED
            && VERSION_MARKER.equals(event.getMarkerRecordedEventAttributes().getMarkerName())) {
          History marker = new History(List.of(), history.versionMarkers(), history.failures(), List.of());
          collect(event, marker);
        } else {
          collect(event, history);
        }
      }
      return history;
    } finally {
      stubs.shutdownNow();
    }
  }

  private static void collect(Message message, History history) {
    if (message instanceof Payload payload) {
      history.payloads().add(payload);
      return;
    }
    if (message instanceof Failure failure) {
      history.failures().add(failure);
    }
    for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
      if (field.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      if (field.getKey().isRepeated()) {
        for (Object element : (List<?>) field.getValue()) {
          collect((Message) element, history);
        }
      } else {
        collect((Message) field.getValue(), history);
      }
    }
  }
}
