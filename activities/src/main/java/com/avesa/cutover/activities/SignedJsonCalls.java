package com.avesa.cutover.activities;

import com.avesa.cutover.workflows.migration.Estate;
import com.avesa.cutover.workflows.migration.Side;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Signed JSON calls to AWS services whose SDK module this build cannot get (Organizations,
 * GuardDuty, AWS Config are not served by the package registry the project builds from). It uses
 * the SDK's own pieces — the credentials of {@link AwsClients}, its HTTP client and the SigV4
 * signer — and sends the documented JSON bodies; only the few operations the runbook needs are
 * called through it. Transient answers (5xx, throttling, connection errors) are retried here with
 * exponential backoff; every other error is an {@link AwsCallException} naming the service error
 * code. Replace with the SDK's clients once the modules can be had.
 */
public final class SignedJsonCalls {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ATTEMPTS = 6;
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

  private final AwsClients clients;

  public SignedJsonCalls(AwsClients clients) {
    this.clients = clients;
  }

  /** A service reached through these calls. */
  public record Service(String signingName, String endpointPrefix, String globalRegion) {
    /** Organizations: global, signed for us-east-1. */
    public static final Service ORGANIZATIONS = new Service("organizations", "organizations", "us-east-1");
    public static final Service GUARDDUTY = new Service("guardduty", "guardduty", null);
    public static final Service CONFIG = new Service("config", "config", null);
  }

  /** A service's error answer: HTTP status, error code (e.g. NoSuchConfigurationRecorderException) and message. */
  public static final class AwsCallException extends RuntimeException {
    private final int status;
    private final String code;

    public AwsCallException(String operation, int status, String code, String message) {
      super(operation + " failed: " + code + " (HTTP " + status + ")" + (message == null ? "" : ": " + message));
      this.status = status;
      this.code = code;
    }

    public int status() {
      return status;
    }

    public String code() {
      return code;
    }
  }

  /**
   * An AWS JSON 1.1 call ({@code X-Amz-Target: {targetPrefix}.{operation}}, POST /), e.g.
   * Organizations ({@code AWSOrganizationsV20161128}) or Config ({@code StarlingDoveService}).
   */
  public JsonNode jsonRpc(Estate estate, Side side, Service service, String targetPrefix, String operation,
      ObjectNode body) {
    return call(estate, side, service, operation, SdkHttpMethod.POST, "/", body,
        request -> request.putHeader("X-Amz-Target", targetPrefix + "." + operation)
            .putHeader("Content-Type", "application/x-amz-json-1.1"));
  }

  /** A REST-JSON call (e.g. GuardDuty's {@code GET /detector}); {@code body} null for none. */
  public JsonNode rest(Estate estate, Side side, Service service, SdkHttpMethod method, String path, ObjectNode body) {
    return call(estate, side, service, method + " " + path, method, path, body,
        request -> request.putHeader("Content-Type", "application/json"));
  }

  /** A fresh JSON object for a request body. */
  public static ObjectNode body() {
    return JSON.createObjectNode();
  }

  private JsonNode call(Estate estate, Side side, Service service, String operation, SdkHttpMethod method,
      String path, ObjectNode body, UnaryOperator<SdkHttpFullRequest.Builder> headers) {
    String region = service.globalRegion() != null ? service.globalRegion() : estate.region();
    URI endpoint = endpoint(estate, service, region);
    byte[] payload = body == null ? new byte[0] : body.toString().getBytes(StandardCharsets.UTF_8);
    Duration backoff = FIRST_BACKOFF;
    for (int attempt = 1; ; attempt++) {
      try {
        return once(estate, side, service, operation, method, endpoint, path, payload, region, headers);
      } catch (AwsCallException e) {
        if (!isTransient(e) || attempt >= ATTEMPTS) {
          throw e;
        }
      } catch (UncheckedIOException e) {
        if (attempt >= ATTEMPTS) {
          throw e;
        }
      }
      sleep(backoff);
      backoff = backoff.multipliedBy(2);
    }
  }

  private JsonNode once(Estate estate, Side side, Service service, String operation, SdkHttpMethod method,
      URI endpoint, String path, byte[] payload, String region,
      UnaryOperator<SdkHttpFullRequest.Builder> headers) {
    SdkHttpFullRequest.Builder builder = SdkHttpFullRequest.builder()
        .method(method)
        .uri(endpoint)
        .encodedPath(path);
    headers.apply(builder);
    SdkHttpRequest unsigned = builder.build();
    AwsCredentialsIdentity identity = clients.credentials(estate, side).resolveCredentials();
    SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
        .identity(identity)
        .request(unsigned)
        .payload(ContentStreamProvider.fromByteArray(payload))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service.signingName())
        .putProperty(AwsV4HttpSigner.REGION_NAME, region));
    HttpExecuteRequest execute = HttpExecuteRequest.builder()
        .request(signed.request())
        .contentStreamProvider(signed.payload().orElse(null))
        .build();
    try {
      HttpExecuteResponse response = clients.httpClient().prepareRequest(execute).call();
      int status = response.httpResponse().statusCode();
      JsonNode answer = read(response);
      if (status >= 300) {
        String code = errorCode(response, answer);
        String message = answer.path("message").asText(answer.path("Message").asText(null));
        throw new AwsCallException(operation, status, code, message);
      }
      return answer;
    } catch (IOException e) {
      throw new UncheckedIOException(operation + ": " + e.getMessage(), e);
    }
  }

  private static URI endpoint(Estate estate, Service service, String region) {
    if (estate.endpoint() != null && !estate.endpoint().isBlank()) {
      return URI.create(estate.endpoint());
    }
    return URI.create("https://" + service.endpointPrefix() + "." + region + ".amazonaws.com");
  }

  private static JsonNode read(HttpExecuteResponse response) throws IOException {
    if (response.responseBody().isEmpty()) {
      return JSON.createObjectNode();
    }
    try (InputStream in = response.responseBody().get()) {
      byte[] bytes = in.readAllBytes();
      if (bytes.length == 0) {
        return JSON.createObjectNode();
      }
      try {
        return JSON.readTree(bytes);
      } catch (IOException notJson) {
        return JSON.createObjectNode().put("message", new String(bytes, StandardCharsets.UTF_8));
      }
    }
  }

  /** {@code __type} (JSON 1.1, maybe "prefix#Code"), the x-amzn-ErrorType header, or the status. */
  private static String errorCode(HttpExecuteResponse response, JsonNode answer) {
    String code = answer.path("__type").asText(null);
    if (code == null) {
      code = response.httpResponse().firstMatchingHeader("x-amzn-ErrorType").orElse(null);
    }
    if (code == null) {
      code = answer.path("code").asText(answer.path("Code").asText("HTTP" + response.httpResponse().statusCode()));
    }
    int hash = code.lastIndexOf('#');
    code = hash >= 0 ? code.substring(hash + 1) : code;
    int colon = code.indexOf(':');
    return colon >= 0 ? code.substring(0, colon) : code;
  }

  private static boolean isTransient(AwsCallException e) {
    String code = e.code().toLowerCase(Locale.ROOT);
    return e.status() >= 500 || e.status() == 429 || code.contains("throttl") || code.contains("toomanyrequests");
  }

  private static void sleep(Duration backoff) {
    try {
      Thread.sleep(backoff.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while backing off", e);
    }
  }
}
