package com.avesa.cutover.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.workflows.codec.AesGcmPayloadCodec;
import com.avesa.cutover.workflows.codec.Keyring;
import com.google.protobuf.util.JsonFormat;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.common.converter.DefaultDataConverter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CodecEndpointTest {
  private static final String KEY = "k1:" + Base64.getEncoder().encodeToString(new byte[32]);
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AesGcmPayloadCodec codec = new AesGcmPayloadCodec(Keyring.of(KEY));

  private static HttpResponse<String> send(String url, String method, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json")
        .header("Origin", "http://localhost:8080")
        .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void encodesAndDecodesPayloadsInTheCodecServerFormat() throws Exception {
    Payload plain = DefaultDataConverter.newDefaultInstance().toPayload("tenant/acme/prod").orElseThrow();
    String request = JsonFormat.printer().print(Payloads.newBuilder().addPayloads(plain).build());
    try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, registry,
        CodecEndpoint.fromEnvironment(codec, Map.of()))) {
      String base = "http://127.0.0.1:" + server.port() + "/codec";

      HttpResponse<String> encoded = send(base + "/encode", "POST", request);
      HttpResponse<String> decoded = send(base + "/decode", "POST", encoded.body());

      assertThat(encoded.statusCode()).isEqualTo(200);
      assertThat(encoded.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:8080");
      assertThat(encoded.body()).startsWith("{\"payloads\":[{\"metadata\":{")
          .contains(Base64.getEncoder().encodeToString(AesGcmPayloadCodec.ENCODING.getBytes(StandardCharsets.UTF_8)))
          .doesNotContain(Base64.getEncoder().encodeToString(plain.getData().toByteArray()));
      assertThat(decoded.statusCode()).isEqualTo(200);
      Payloads.Builder back = Payloads.newBuilder();
      JsonFormat.parser().merge(decoded.body(), back);
      assertThat(back.getPayloadsList()).containsExactly(plain);
    }
  }

  @Test
  void answersThePreflightForTheConfiguredOrigin() throws Exception {
    try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, registry,
        CodecEndpoint.fromEnvironment(codec, Map.of("AVESA_CODEC_CORS_ORIGIN", "https://ui.example")))) {
      HttpResponse<String> preflight = send("http://127.0.0.1:" + server.port() + "/codec/decode", "OPTIONS", null);

      assertThat(preflight.statusCode()).isEqualTo(204);
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://ui.example");
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
          methods -> assertThat(methods).contains("POST"));
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(
          allowed -> assertThat(allowed).contains("content-type").contains("x-namespace"));
    }
  }

  @Test
  void aPayloadThatDoesNotDecryptIsABadRequestNotACrash() throws Exception {
    String foreign = JsonFormat.printer().print(Payloads.newBuilder().addAllPayloads(
        new AesGcmPayloadCodec(Keyring.of("other:" + Base64.getEncoder().encodeToString(new byte[32])))
            .encode(java.util.List.of(Payload.newBuilder().build()))).build());
    try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, registry,
        CodecEndpoint.fromEnvironment(codec, Map.of()))) {
      HttpResponse<String> decoded = send("http://127.0.0.1:" + server.port() + "/codec/decode", "POST", foreign);

      assertThat(decoded.statusCode()).isEqualTo(400);
      assertThat(decoded.body()).contains("key id 'other'");
    }
  }

  @Test
  void withoutKeysThereIsNoCodecRoute() throws Exception {
    try (MetricsServer server = MetricsServer.start(0, registry)) {
      HttpResponse<String> decode = send("http://127.0.0.1:" + server.port() + "/codec/decode", "POST", "{}");

      assertThat(decode.statusCode()).isEqualTo(404);
    }
  }
}
