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
import java.util.Map;

/**
 * The Temporal codec-server protocol for the UI and {@code temporal} CLI: {@code POST /codec/encode}
 * and {@code POST /codec/decode} take and return {@code {"payloads":[{"metadata":{..},"data":".."}]}}
 * (bytes as base64), with CORS for one UI origin.
 */
final class CodecEndpoint implements HttpHandler {
  /** The UI origin allowed to call the endpoint from a browser. */
  static final String CORS_ORIGIN = "AVESA_CODEC_CORS_ORIGIN";
  static final String DEFAULT_CORS_ORIGIN = "http://localhost:8080";
  static final String PATH = "/codec";

  private static final String JSON = "application/json";

  private final PayloadCodec codec;
  private final String origin;

  CodecEndpoint(PayloadCodec codec, String origin) {
    this.codec = codec;
    this.origin = origin;
  }

  /** The endpoint for {@code codec}, allowing the origin {@link #CORS_ORIGIN} names. */
  static CodecEndpoint fromEnvironment(PayloadCodec codec, Map<String, String> env) {
    String origin = env.get(CORS_ORIGIN);
    return new CodecEndpoint(codec, origin == null || origin.isBlank() ? DEFAULT_CORS_ORIGIN : origin.strip());
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    headers.set("Access-Control-Allow-Origin", origin);
    headers.set("Access-Control-Allow-Methods", "POST, OPTIONS");
    headers.set("Access-Control-Allow-Headers", "content-type, x-namespace, authorization");
    headers.set("Access-Control-Allow-Credentials", "true");
    headers.set("Vary", "Origin");
    String path = exchange.getRequestURI().getPath();
    boolean encode = path.equals(PATH + "/encode");
    if (!encode && !path.equals(PATH + "/decode")) {
      send(exchange, 404, "text/plain; charset=utf-8", "no such codec route: use " + PATH + "/encode or " + PATH + "/decode\n");
      return;
    }
    String method = exchange.getRequestMethod();
    if ("OPTIONS".equals(method)) {
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
      return;
    }
    if (!"POST".equals(method)) {
      send(exchange, 405, "text/plain; charset=utf-8", "only POST\n");
      return;
    }
    Payloads.Builder request = Payloads.newBuilder();
    try (InputStream in = exchange.getRequestBody()) {
      JsonFormat.parser().ignoringUnknownFields().merge(new String(in.readAllBytes(), StandardCharsets.UTF_8), request);
    } catch (InvalidProtocolBufferException e) {
      send(exchange, 400, "text/plain; charset=utf-8", "body is not {\"payloads\":[...]}: " + e.getMessage() + "\n");
      return;
    }
    Payloads response;
    try {
      response = Payloads.newBuilder()
          .addAllPayloads(encode ? codec.encode(request.getPayloadsList()) : codec.decode(request.getPayloadsList()))
          .build();
    } catch (PayloadCodecException e) {
      send(exchange, 400, "text/plain; charset=utf-8", e.getMessage() + "\n");
      return;
    }
    send(exchange, 200, JSON, JsonFormat.printer().omittingInsignificantWhitespace().print(response));
  }

  private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
