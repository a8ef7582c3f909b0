package com.avesa.cutover.activities.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A WireMock proxy in front of moto that makes a seeded share of requests fail the way AWS does
 * under load: HTTP 500 (InternalError), throttling (S3 503 SlowDown; 400 ThrottlingException or
 * ProvisionedThroughputExceededException for the JSON services), a connection reset, or a
 * 2-second delay; and answers some DynamoDB {@code BatchWriteItem}s with all their items in
 * {@code UnprocessedItems}. Every fault but the delay is answered before the request reaches
 * moto, so a mutating request that failed never happened and the client may resend it.
 *
 * <p>Whether a request is faulted depends only on the seed, the request (method, URL, target and,
 * for the JSON and query protocols, the body without its random idempotency token) and how often
 * the proxy saw that same request before, so a run is reproducible whatever the thread
 * interleaving, and a resent request gets a fresh draw. Stubs added through {@link #server()}
 * take precedence and are never faulted.
 *
 * <pre>
 * try (FaultProxy proxy = FaultProxy.start(MOTO.endpoint(), 42)) {
 *   Estate estate = TestEstates.crossAccount(proxy.endpoint());
 *   ... assertThat(proxy.injected(FaultProxy.Kind.CONNECTION_RESET)).isPositive();
 * }
 * </pre>
 */
public final class FaultProxy implements AutoCloseable {
  /** What the proxy did to a request instead of (or before) passing it on. */
  public enum Kind {
    SERVER_ERROR,
    THROTTLING,
    CONNECTION_RESET,
    DELAY,
    UNPROCESSED_ITEMS
  }

  /** The share of requests (per mille) that get one of the faults, before their split by kind. */
  public static final int DEFAULT_FAULTS_PER_MILLE = 200;
  public static final int DELAY_MILLIS = 2_000;
  /** Of the BatchWriteItem requests that are not otherwise faulted, the per-mille answered unprocessed. */
  private static final int UNPROCESSED_PER_MILLE = 250;
  private static final String DYNAMODB_TARGET = "DynamoDB_20120810.";
  private static final String BATCH_WRITE = DYNAMODB_TARGET + "BatchWriteItem";
  private static final Pattern REQUEST_TOKEN = Pattern.compile("\"ClientRequestToken\"\\s*:\\s*\"[^\"]*\"");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final WireMockServer server;
  private final long seed;
  private final int faultsPerMille;
  private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
  private final Map<Kind, AtomicInteger> injected = new EnumMap<>(Kind.class);
  private final AtomicInteger requests = new AtomicInteger();

  private FaultProxy(String upstream, long seed, int faultsPerMille) {
    this.seed = seed;
    this.faultsPerMille = faultsPerMille;
    for (Kind kind : Kind.values()) {
      injected.put(kind, new AtomicInteger());
    }
    this.server = new WireMockServer(options()
        .bindAddress("127.0.0.1")
        .dynamicPort()
        .containerThreads(64)
        .asynchronousResponseEnabled(true)
        .asynchronousResponseThreads(16)
        .gzipDisabled(true)
        .extensions(new Injector()));
    server.start();
    server.stubFor(any(anyUrl()).atPriority(100).willReturn(aResponse().proxiedFrom(upstream)));
  }

  /** A proxy to {@code upstream} faulting {@value #DEFAULT_FAULTS_PER_MILLE}‰ of requests. */
  public static FaultProxy start(String upstream, long seed) {
    return start(upstream, seed, DEFAULT_FAULTS_PER_MILLE);
  }

  public static FaultProxy start(String upstream, long seed, int faultsPerMille) {
    return new FaultProxy(upstream, seed, faultsPerMille);
  }

  /** {@code http://127.0.0.1:PORT}: the endpoint to put in the estate. */
  public String endpoint() {
    return server.baseUrl();
  }

  /** The WireMock server, for stubs (they win over the proxy) and request verification. */
  public WireMockServer server() {
    return server;
  }

  public int injected(Kind kind) {
    return injected.get(kind).get();
  }

  /** Faults injected so far, by kind. */
  public Map<Kind, Integer> injected() {
    Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    injected.forEach((kind, count) -> counts.put(kind, count.get()));
    return counts;
  }

  /** Requests the proxy has received (faulted or not). */
  public int requests() {
    return requests.get();
  }

  /** Requests received whose path (without the query) starts with {@code pathPrefix}. */
  public int requestsUnder(String pathPrefix) {
    return server.findAll(anyRequestedFor(urlPathMatching(Pattern.quote(pathPrefix) + ".*"))).size();
  }

  @Override
  public void close() {
    server.stop();
  }

  private ResponseDefinition inject(Request request, ResponseDefinition proxied) {
    requests.incrementAndGet();
    if (!proxied.isProxyResponse()) {
      return proxied;
    }
    String identity = identity(request);
    int attempt = seen.computeIfAbsent(identity, key -> new AtomicInteger()).getAndIncrement();
    int draw = (int) Math.floorMod(mix(seed, identity.hashCode(), attempt), 1000L);
    Service service = Service.of(request);
    if (draw < faultsPerMille) {
      // Split 30% server errors, 30% throttling, 25% resets, 15% delays.
      int share = draw * 100 / faultsPerMille;
      if (share < 30) {
        return count(Kind.SERVER_ERROR, service.serverError());
      }
      if (share < 60) {
        return count(Kind.THROTTLING, service.throttling(draw % 2 == 0));
      }
      if (share < 85) {
        return count(Kind.CONNECTION_RESET, ResponseDefinitionBuilder.responseDefinition()
            .withFault(Fault.CONNECTION_RESET_BY_PEER).build());
      }
      return count(Kind.DELAY, ResponseDefinitionBuilder.like(proxied).withFixedDelay(DELAY_MILLIS).build());
    }
    if (BATCH_WRITE.equals(request.getHeader("X-Amz-Target")) && draw - faultsPerMille < UNPROCESSED_PER_MILLE) {
      return count(Kind.UNPROCESSED_ITEMS, allUnprocessed(request));
    }
    return proxied;
  }

  private ResponseDefinition count(Kind kind, ResponseDefinition response) {
    injected.get(kind).incrementAndGet();
    return response;
  }

  /** A successful BatchWriteItem answer that wrote nothing: every requested item comes back unprocessed. */
  private static ResponseDefinition allUnprocessed(Request request) {
    try {
      JsonNode items = JSON.readTree(request.getBodyAsString()).get("RequestItems");
      ObjectNode body = JSON.createObjectNode();
      body.set("UnprocessedItems", items);
      return aResponse().withStatus(200)
          .withHeader("Content-Type", "application/x-amz-json-1.0")
          .withBody(JSON.writeValueAsString(body))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable BatchWriteItem request", e);
    }
  }

  /** What makes two requests the same request; bodies of S3 uploads carry signatures and are left out. */
  private static String identity(Request request) {
    String target = request.getHeader("X-Amz-Target");
    String contentType = request.getHeader("Content-Type");
    boolean bodyNamesTheCall = target != null || (contentType != null && contentType.startsWith("application/x-www-form-urlencoded"));
    String body = bodyNamesTheCall
        ? REQUEST_TOKEN.matcher(new String(request.getBody(), StandardCharsets.UTF_8)).replaceAll("")
        : "";
    return request.getMethod() + " " + request.getUrl() + " " + target + " " + body;
  }

  private static long mix(long seed, int identity, int attempt) {
    long z = seed * 0x9E3779B97F4A7C15L + identity * 0xBF58476D1CE4E5B9L + attempt * 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** How each protocol spells an internal error and a throttle. */
  private enum Service {
    S3 {
      @Override
      ResponseDefinition serverError() {
        return xml(500, "<Error><Code>InternalError</Code><Message>We encountered an internal error. Please try again."
            + "</Message><RequestId>fault-proxy</RequestId></Error>");
      }

      @Override
      ResponseDefinition throttling(boolean alternate) {
        return xml(503, "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message>"
            + "<RequestId>fault-proxy</RequestId></Error>");
      }
    },
    DYNAMODB {
      @Override
      ResponseDefinition serverError() {
        return json(500, "com.amazonaws.dynamodb.v20120810#InternalServerError", "Internal server error");
      }

      @Override
      ResponseDefinition throttling(boolean alternate) {
        return alternate
            ? json(400, "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
                "The level of configured provisioned throughput for the table was exceeded.")
            : json(400, "com.amazonaws.dynamodb.v20120810#ThrottlingException", "Rate of requests exceeds the allowed throughput.");
      }
    },
    JSON_RPC {
      @Override
      ResponseDefinition serverError() {
        return json(500, "InternalServiceError", "An error occurred on the server side.");
      }

      @Override
      ResponseDefinition throttling(boolean alternate) {
        return json(400, "ThrottlingException", "Rate exceeded");
      }
    },
    QUERY {
      @Override
      ResponseDefinition serverError() {
        return xml(500, queryError("Receiver", "InternalFailure", "The request processing has failed."));
      }

      @Override
      ResponseDefinition throttling(boolean alternate) {
        return xml(400, queryError("Sender", "Throttling", "Rate exceeded"));
      }
    };

    abstract ResponseDefinition serverError();

    abstract ResponseDefinition throttling(boolean alternate);

    static Service of(Request request) {
      String target = request.getHeader("X-Amz-Target");
      if (target != null) {
        return target.startsWith(DYNAMODB_TARGET) ? DYNAMODB : JSON_RPC;
      }
      String contentType = request.getHeader("Content-Type");
      return contentType != null && contentType.startsWith("application/x-www-form-urlencoded") ? QUERY : S3;
    }

    private static String queryError(String type, String code, String message) {
      return "<ErrorResponse><Error><Type>" + type + "</Type><Code>" + code + "</Code><Message>" + message
          + "</Message></Error><RequestId>fault-proxy</RequestId></ErrorResponse>";
    }

    private static ResponseDefinition xml(int status, String body) {
      return aResponse().withStatus(status).withHeader("Content-Type", "application/xml")
          .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + body).build();
    }

    private static ResponseDefinition json(int status, String type, String message) {
      return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
          .withBody("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}").build();
    }
  }

  /** The WireMock extension: every proxied request goes through {@link #inject}. */
  private final class Injector implements ResponseDefinitionTransformerV2 {
    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
      return inject(serveEvent.getRequest(), serveEvent.getResponseDefinition());
    }

    @Override
    public String getName() {
      return "avesa-fault-injector";
    }
  }
}
