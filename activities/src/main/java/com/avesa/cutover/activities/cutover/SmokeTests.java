package com.avesa.cutover.activities.cutover;

import com.avesa.cutover.activities.aws.Failures;
import com.avesa.cutover.activities.aws.Heartbeats;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.cutover.SmokeTestResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Synchronous Lambda invocations of one account. A function that fails reports it through
 * {@code FunctionError} (returned, not thrown); a missing function is a non-retryable NOT_FOUND,
 * a payload Lambda refuses a BAD_CONFIG.
 */
final class SmokeTests {
  static final int RESPONSE_CHARS = 200;
  /** A function may run 15 minutes; the workflow gives the activity a heartbeat timeout of one. */
  static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(10);
  private static final String NO_PAYLOAD = "{}";
  private static final Set<String> REFUSED_PAYLOAD = Set.of("InvalidRequestContentException", "RequestTooLargeException");

  private final LambdaClient lambda;
  private final String where;

  /** @param where the side and account for messages, e.g. {@code target account 987654321098} */
  SmokeTests(LambdaClient lambda, String where) {
    this.lambda = lambda;
    this.where = where;
  }

  /** Invokes {@code function} with {@code payload} (JSON text; null or blank sends {@code {}}). */
  SmokeTestResult invoke(String function, String payload) {
    String body = payload == null || payload.isBlank() ? NO_PAYLOAD : payload;
    String what = "invoke function " + function + " (" + where + ")";
    InvokeResponse response;
    try {
      response = Heartbeats.whileRunning("invoking " + function, HEARTBEAT_EVERY,
          () -> lambda.invoke(b -> b.functionName(function).invocationType(InvocationType.REQUEST_RESPONSE)
              .payload(SdkBytes.fromString(body, StandardCharsets.UTF_8))));
    } catch (SdkException e) {
      if (Failures.hasErrorCode(e, REFUSED_PAYLOAD)) {
        throw Failures.nonRetryable(FailureType.BAD_CONFIG, what + ": payload refused: " + Failures.awsMessage(e));
      }
      throw Failures.classify(what, e);
    }
    String text = response.payload() == null ? "" : response.payload().asUtf8String();
    return new SmokeTestResult(function, response.statusCode(), response.functionError(), start(text));
  }

  boolean exists(String function) {
    return Failures.ifFound(() -> lambda.getFunction(b -> b.functionName(function))).isPresent();
  }

  private static String start(String text) {
    return text.length() <= RESPONSE_CHARS ? text : text.substring(0, RESPONSE_CHARS);
  }
}
