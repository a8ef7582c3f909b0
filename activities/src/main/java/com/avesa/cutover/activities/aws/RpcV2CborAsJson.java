package com.avesa.cutover.activities.aws;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * For emulator endpoints only: sends a Smithy RPC v2 CBOR call (the SDK's protocol for CloudWatch)
 * as the same call in AWS JSON 1.0, and turns the JSON answer back into CBOR for the SDK. Moto
 * speaks JSON and Query to CloudWatch but not CBOR (it answers 404). Runs before signing, so the
 * signature covers what is sent. Never installed for real AWS.
 */
final class RpcV2CborAsJson implements ExecutionInterceptor {
  private static final Pattern OPERATION = Pattern.compile("^(.*)/service/([^/]+)/operation/([^/]+)$");
  private static final ExecutionAttribute<byte[]> JSON_BODY = new ExecutionAttribute<>("avesa.rpcV2AsJsonBody");
  private static final JsonFactory JSON = new JsonFactory();
  private static final CBORFactory CBOR = new CBORFactory();

  @Override
  public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
    SdkHttpRequest request = context.httpRequest();
    Matcher operation = OPERATION.matcher(request.encodedPath());
    if (!operation.matches()) {
      return request;
    }
    byte[] json = jsonBody(context, attributes);
    return request.toBuilder()
        .encodedPath(operation.group(1).isEmpty() ? "/" : operation.group(1))
        .removeHeader("smithy-protocol")
        .putHeader("Content-Type", "application/x-amz-json-1.0")
        .putHeader("Accept", "application/json")
        .putHeader("X-Amz-Target", operation.group(2) + "." + operation.group(3))
        .putHeader("Content-Length", String.valueOf(json.length))
        .build();
  }

  @Override
  public Optional<RequestBody> modifyHttpContent(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
    if (!OPERATION.matcher(context.httpRequest().encodedPath()).matches() && attributes.getAttribute(JSON_BODY) == null) {
      return context.requestBody();
    }
    return Optional.of(RequestBody.fromBytes(jsonBody(context, attributes)));
  }

  /** The request body as JSON, transcoded once per call (the SDK may ask for the body before or after the request). */
  private static byte[] jsonBody(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
    byte[] json = attributes.getAttribute(JSON_BODY);
    if (json == null) {
      json = context.requestBody().map(body -> transcode(CBOR, read(body), JSON)).orElse(new byte[] {'{', '}'});
      attributes.putAttribute(JSON_BODY, json);
    }
    return json;
  }

  @Override
  public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    if (attributes.getAttribute(JSON_BODY) == null) {
      return context.httpResponse();
    }
    return context.httpResponse().toBuilder()
        .removeHeader("Content-Length")
        .putHeader("Content-Type", "application/cbor")
        .putHeader("smithy-protocol", "rpc-v2-cbor")
        .build();
  }

  @Override
  public Optional<InputStream> modifyHttpResponseContent(
      Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    if (attributes.getAttribute(JSON_BODY) == null || context.responseBody().isEmpty()) {
      return context.responseBody();
    }
    try (InputStream json = context.responseBody().get()) {
      return Optional.of(new ByteArrayInputStream(transcode(JSON, json.readAllBytes(), CBOR)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(RequestBody body) {
    try (InputStream in = body.contentStreamProvider().newStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies one document token by token; empty in, empty out. Byte strings become base64 in JSON, as JSON 1.0 wants. */
  static byte[] transcode(JsonFactory from, byte[] document, JsonFactory to) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(document.length + 16);
    try (JsonParser parser = from.createParser(document); JsonGenerator generator = to.createGenerator(out)) {
      if (parser.nextToken() != null) {
        generator.copyCurrentStructure(parser);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot transcode an emulator call: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }
}
