package com.avesa.cutover.worker;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.temporal.api.common.v1.Payloads;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Temporal codec-server protocol for the UI and the {@code temporal} CLI: {@code POST /codec/encode}
 * and {@code POST /codec/decode} take and return {@code {"payloads":[{"metadata":{..},"data":".."}]}}
 * (bytes as base64). In order, a request is refused with 403 when its Host is not allowed (DNS
 * rebinding) or it comes from a browser origin other than the UI's; a preflight {@code OPTIONS}
 * is then answered without the token, as browsers send none; anything else needs the token, as
 * {@code Authorization: Bearer TOKEN} or as a path segment, {@code /codec/TOKEN/decode}, for the
 * Temporal UI, which cannot send a header of its own (401); a body over the limit gets 413.
 */
final class CodecEndpoint implements HttpHandler {
  static final String PATH = "/codec";

  private static final String JSON = "application/json";
  private static final String TEXT = "text/plain; charset=utf-8";
  private static final String BEARER = "Bearer ";

  private final PayloadCodec codec;
  private final byte[] tokenDigest;
  private final Set<String> hosts;
  private final String origin;
  private final int maxBodyBytes;

  CodecEndpoint(PayloadCodec codec, String token, List<String> hosts, String origin, int maxBodyBytes) {
    this.codec = codec;
    this.tokenDigest = sha256(token);
    this.hosts = Set.copyOf(hosts);
    this.origin = origin;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String host = exchange.getRequestHeaders().getFirst("Host");
      if (host == null || !hosts.contains(host.strip().toLowerCase(Locale.ROOT))) {
        send(exchange, 403, TEXT, "this Host is not one the codec endpoint answers (AVESA_CODEC_HOSTS)\n");
        return;
      }
      String requestOrigin = exchange.getRequestHeaders().getFirst("Origin");
      if (requestOrigin != null) {
        if (!requestOrigin.equals(origin)) {
          send(exchange, 403, TEXT, "this origin may not call the codec endpoint (AVESA_CODEC_CORS_ORIGIN)\n");
          return;
        }
        allowOrigin(exchange.getResponseHeaders());
      }
      Route route = Route.of(exchange.getRequestURI().getRawPath());
      if (route == null) {
        send(exchange, 404, TEXT, "no such codec route: use " + PATH + "/encode or " + PATH + "/decode\n");
        return;
      }
      String method = exchange.getRequestMethod();
      if ("OPTIONS".equals(method)) {
        exchange.sendResponseHeaders(204, -1);
        return;
      }
      if (!authorized(route, exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        send(exchange, 401, TEXT, "the codec endpoint needs its token (AVESA_CODEC_TOKEN)\n");
        return;
      }
      if (!"POST".equals(method)) {
        send(exchange, 405, TEXT, "only POST\n");
        return;
      }
      byte[] body = readAtMost(exchange);
      if (body == null) {
        send(exchange, 413, TEXT, "request body over " + maxBodyBytes + " bytes (AVESA_CODEC_MAX_BODY)\n");
        return;
      }
      answer(exchange, route.encode(), new String(body, StandardCharsets.UTF_8));
    }
  }

  private void answer(HttpExchange exchange, boolean encode, String body) throws IOException {
    Payloads.Builder request = Payloads.newBuilder();
    try {
      JsonFormat.parser().ignoringUnknownFields().merge(body, request);
    } catch (InvalidProtocolBufferException e) {
      send(exchange, 400, TEXT, "body is not {\"payloads\":[...]}\n");
      return;
    }
    Payloads response;
    try {
      response = Payloads.newBuilder()
          .addAllPayloads(encode ? codec.encode(request.getPayloadsList()) : codec.decode(request.getPayloadsList()))
          .build();
    } catch (PayloadCodecException e) {
      send(exchange, 400, TEXT, e.getMessage() + "\n");
      return;
    }
    send(exchange, 200, JSON, JsonFormat.printer().omittingInsignificantWhitespace().print(response));
  }

  private void allowOrigin(Headers headers) {
    headers.set("Access-Control-Allow-Origin", origin);
    headers.set("Access-Control-Allow-Methods", "POST, OPTIONS");
    headers.set("Access-Control-Allow-Headers", "content-type, x-namespace, authorization");
    headers.set("Access-Control-Allow-Credentials", "true");
    headers.set("Vary", "Origin");
  }

  /** The token from the path, else from {@code Authorization: Bearer}, compared in constant time. */
  private boolean authorized(Route route, String authorization) {
    String presented = route.token();
    if (presented == null && authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      presented = authorization.substring(BEARER.length()).strip();
    }
    return presented != null && MessageDigest.isEqual(sha256(presented), tokenDigest);
  }

  /** The body, or null when it is longer than the limit (declared or actual). */
  private byte[] readAtMost(HttpExchange exchange) throws IOException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null) {
      try {
        if (Long.parseLong(declared.strip()) > maxBodyBytes) {
          return null;
        }
      } catch (NumberFormatException e) {
        return null;
      }
    }
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(maxBodyBytes + 1);
      return body.length > maxBodyBytes ? null : body;
    }
  }

  private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  /** {@code /codec/encode}, {@code /codec/decode}, or the same under {@code /codec/TOKEN/}. */
  private record Route(boolean encode, String token) {
    static Route of(String path) {
      if (path == null || !path.startsWith(PATH + "/")) {
        return null;
      }
      String[] parts = path.substring(PATH.length() + 1).split("/", -1);
      String action = parts[parts.length - 1];
      if (parts.length > 2 || !(action.equals("encode") || action.equals("decode"))) {
        return null;
      }
      return new Route(action.equals("encode"), parts.length == 2 ? parts[0] : null);
    }
  }
}
