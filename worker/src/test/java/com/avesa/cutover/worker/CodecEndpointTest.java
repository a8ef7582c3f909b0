package com.avesa.cutover.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.avesa.cutover.runtime.codec.AesGcmPayloadCodec;
import com.avesa.cutover.runtime.codec.Keyring;
import com.google.protobuf.util.JsonFormat;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.common.converter.DefaultDataConverter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The codec endpoint on its own listener, spoken to over raw sockets (so the test controls Host):
 * token, Host allowlist, body limit and CORS, then the codec itself.
 */
@Timeout(60)
class CodecEndpointTest {
  private static final String KEY = "k1:" + Base64.getEncoder().encodeToString(new byte[32]);
  private static final String TOKEN = "0123456789abcdef0123456789abcdef";
  private static final String UI = "http://localhost:8080";
  private final AesGcmPayloadCodec codec = new AesGcmPayloadCodec(Keyring.of(KEY));

  /** One HTTP/1.1 exchange as the server answered it; header names in lower case. */
  record Reply(int status, Map<String, String> headers, String body) {}

  private static CodecServer start(Map<String, String> env, AesGcmPayloadCodec codec) {
    Map<String, String> settings = new HashMap<>(Map.of("AVESA_CODEC_TOKEN", TOKEN, "CODEC_PORT", "0"));
    settings.putAll(env);
    return CodecServer.start(CodecSettings.fromEnvironment(settings, "127.0.0.1").orElseThrow(), codec);
  }

  private CodecServer start() {
    return start(Map.of(), codec);
  }

  private static Map<String, String> headers(CodecServer server, String... more) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Host", "localhost:" + server.port());
    headers.put("Content-Type", "application/json");
    for (int i = 0; i < more.length; i += 2) {
      headers.put(more[i], more[i + 1]);
    }
    return headers;
  }

  private static Reply send(int port, String method, String path, Map<String, String> headers, byte[] body)
      throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
      headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
      if (body != null && !headers.containsKey("Content-Length") && !headers.containsKey("Transfer-Encoding")) {
        head.append("Content-Length: ").append(body.length).append("\r\n");
      }
      head.append("Connection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        out.write(body);
      }
      out.flush();
      return read(socket.getInputStream());
    }
  }

  private static Reply read(InputStream in) throws IOException {
    ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed before the end of the response headers");
      }
      headBytes.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String[] lines = headBytes.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new HashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
      }
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    return new Reply(status, headers, new String(in.readNBytes(length), StandardCharsets.UTF_8));
  }

  private static String payloadsJson(Payload... payloads) throws IOException {
    return JsonFormat.printer().print(Payloads.newBuilder().addAllPayloads(List.of(payloads)).build());
  }

  private static Payload plain(String value) {
    return DefaultDataConverter.newDefaultInstance().toPayload(value).orElseThrow();
  }

  @Test
  void aRequestWithoutTheTokenOrWithAnotherOneIs401() throws Exception {
    byte[] body = payloadsJson(plain("tenant/acme/prod")).getBytes(StandardCharsets.UTF_8);
    try (CodecServer server = start()) {
      Reply none = send(server.port(), "POST", "/codec/encode", headers(server), body);
      Reply wrong = send(server.port(), "POST", "/codec/encode",
          headers(server, "Authorization", "Bearer " + TOKEN.replace('0', '1')), body);
      Reply wrongInPath = send(server.port(), "POST", "/codec/" + TOKEN.substring(1) + "x/encode", headers(server), body);

      assertThat(List.of(none.status(), wrong.status(), wrongInPath.status())).containsOnly(401);
      assertThat(none.headers()).containsEntry("www-authenticate", "Bearer");
      assertThat(none.body()).doesNotContain("payloads");
    }
  }

  @Test
  void aForeignHostIs403EvenWithTheToken() throws Exception {
    byte[] body = payloadsJson(plain("x")).getBytes(StandardCharsets.UTF_8);
    try (CodecServer server = start()) {
      Reply rebound = send(server.port(), "POST", "/codec/decode",
          headers(server, "Host", "attacker.example:" + server.port(), "Authorization", "Bearer " + TOKEN), body);
      Reply otherPort = send(server.port(), "POST", "/codec/decode",
          headers(server, "Host", "localhost:1", "Authorization", "Bearer " + TOKEN), body);

      assertThat(rebound.status()).isEqualTo(403);
      assertThat(otherPort.status()).isEqualTo(403);
    }
  }

  @Test
  void aBodyOverTheLimitIs413WhetherDeclaredOrStreamed() throws Exception {
    try (CodecServer server = start()) {
      Reply declared = send(server.port(), "POST", "/codec/decode", headers(server,
          "Authorization", "Bearer " + TOKEN, "Content-Length", Integer.toString(4 * 1024 * 1024 + 1)), null);

      assertThat(declared.status()).isEqualTo(413);
    }
    try (CodecServer small = start(Map.of("AVESA_CODEC_MAX_BODY", "1024"), codec)) {
      byte[] chunk = ("2000\r\n" + "x".repeat(0x2000) + "\r\n0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
      Reply streamed = send(small.port(), "POST", "/codec/decode", headers(small,
          "Authorization", "Bearer " + TOKEN, "Transfer-Encoding", "chunked"), chunk);

      assertThat(streamed.status()).isEqualTo(413);
    }
  }

  @Test
  void aGoodRequestEncodesAndDecodesWithTheTokenAsBearerOrInThePath() throws Exception {
    Payload plain = plain("tenant/acme/prod");
    try (CodecServer server = start()) {
      Reply encoded = send(server.port(), "POST", "/codec/encode",
          headers(server, "Authorization", "Bearer " + TOKEN, "Origin", UI), payloadsJson(plain).getBytes(StandardCharsets.UTF_8));
      Reply decoded = send(server.port(), "POST", "/codec/" + TOKEN + "/decode",
          headers(server, "Host", "127.0.0.1:" + server.port()), encoded.body().getBytes(StandardCharsets.UTF_8));

      assertThat(encoded.status()).isEqualTo(200);
      assertThat(encoded.headers()).containsEntry("access-control-allow-origin", UI);
      assertThat(encoded.body()).startsWith("{\"payloads\":[{\"metadata\":{")
          .contains(Base64.getEncoder().encodeToString(AesGcmPayloadCodec.ENCODING.getBytes(StandardCharsets.UTF_8)))
          .doesNotContain(Base64.getEncoder().encodeToString(plain.getData().toByteArray()));
      assertThat(decoded.status()).isEqualTo(200);
      Payloads.Builder back = Payloads.newBuilder();
      JsonFormat.parser().merge(decoded.body(), back);
      assertThat(back.getPayloadsList()).containsExactly(plain);
    }
  }

  @Test
  void thePreflightFromTheUiPassesWithoutTheTokenAndFromAnotherOriginGetsNoAllowHeader() throws Exception {
    try (CodecServer server = start(Map.of("AVESA_CODEC_CORS_ORIGIN", "https://ui.example"), codec)) {
      Reply ui = send(server.port(), "OPTIONS", "/codec/decode", headers(server, "Origin", "https://ui.example",
          "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type,x-namespace"), null);
      Reply other = send(server.port(), "OPTIONS", "/codec/decode", headers(server, "Origin", "https://evil.example",
          "Access-Control-Request-Method", "POST"), null);
      Reply otherPost = send(server.port(), "POST", "/codec/decode", headers(server, "Origin", "https://evil.example",
          "Authorization", "Bearer " + TOKEN), payloadsJson(plain("x")).getBytes(StandardCharsets.UTF_8));

      assertThat(ui.status()).isEqualTo(204);
      assertThat(ui.headers()).containsEntry("access-control-allow-origin", "https://ui.example");
      assertThat(ui.headers().get("access-control-allow-methods")).contains("POST");
      assertThat(ui.headers().get("access-control-allow-headers")).contains("content-type", "x-namespace", "authorization");
      assertThat(other.headers()).doesNotContainKey("access-control-allow-origin");
      assertThat(other.status()).isEqualTo(403);
      assertThat(otherPost.status()).isEqualTo(403);
      assertThat(otherPost.headers()).doesNotContainKey("access-control-allow-origin");
    }
  }

  @Test
  void aPayloadThatDoesNotDecryptIsABadRequestNotACrash() throws Exception {
    Payload foreign = new AesGcmPayloadCodec(Keyring.of("other:" + Base64.getEncoder().encodeToString(new byte[32])))
        .encode(List.of(Payload.newBuilder().build())).get(0);
    try (CodecServer server = start()) {
      Reply decoded = send(server.port(), "POST", "/codec/decode", headers(server, "Authorization", "Bearer " + TOKEN),
          payloadsJson(foreign).getBytes(StandardCharsets.UTF_8));

      assertThat(decoded.status()).isEqualTo(400);
      assertThat(decoded.body()).contains("key id 'other'");
    }
  }

  @Test
  void anUnknownRouteIs404() throws Exception {
    try (CodecServer server = start()) {
      Reply reply = send(server.port(), "POST", "/codec/a/b/decode", headers(server, "Authorization", "Bearer " + TOKEN),
          "{}".getBytes(StandardCharsets.UTF_8));

      assertThat(reply.status()).isEqualTo(404);
    }
  }

  @Test
  void theMetricsPortNoLongerServesTheCodec() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (MetricsServer metrics = MetricsServer.start(0, registry)) {
      Reply reply = send(metrics.port(), "POST", "/codec/decode",
          Map.of("Host", "localhost:" + metrics.port(), "Authorization", "Bearer " + TOKEN), "{}".getBytes(StandardCharsets.UTF_8));

      assertThat(reply.status()).isEqualTo(404);
    }
  }

  @Test
  void theEndpointIsOffWithoutATokenAndAWeakTokenIsRefusedWithoutBeingShown() {
    assertThat(CodecSettings.fromEnvironment(Map.of("CODEC_PORT", "9465"), "127.0.0.1")).isEmpty();
    assertThatThrownBy(() -> CodecSettings.fromEnvironment(Map.of("AVESA_CODEC_TOKEN", "short-secret"), "127.0.0.1"))
        .isInstanceOf(WorkerSettings.InvalidSettingException.class)
        .hasMessageStartingWith("AVESA_CODEC_TOKEN: needs at least 16 characters")
        .hasMessageNotContaining("short-secret");
  }

  @Test
  void byDefaultItListensOn9465AndAnswersLocalhostAndLoopbackOfItsPortWithA4MiBLimit() {
    CodecSettings settings = CodecSettings.fromEnvironment(Map.of("AVESA_CODEC_TOKEN", TOKEN), "0.0.0.0").orElseThrow();

    assertThat(settings.port()).isEqualTo(9465);
    assertThat(settings.host()).isEqualTo("0.0.0.0");
    assertThat(settings.allowedHosts(9465)).containsExactly("localhost:9465", "127.0.0.1:9465");
    assertThat(settings.maxBodyBytes()).isEqualTo(4 * 1024 * 1024);
    assertThat(settings.origin()).isEqualTo("http://localhost:8080");
    assertThat(settings.toString()).doesNotContain(TOKEN);
    assertThat(CodecSettings.fromEnvironment(Map.of("AVESA_CODEC_TOKEN", TOKEN, "AVESA_CODEC_HOSTS",
        "Codec.Example:443, localhost:9465"), "127.0.0.1").orElseThrow().allowedHosts(9465))
        .containsExactly("codec.example:443", "localhost:9465");
  }
}
