package com.avesa.cutover.activities.cutover;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.testing.Failed;
import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.activities.testing.TestEstates;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.cutover.SmokeTestRequest;
import com.avesa.cutover.workflows.cutover.SmokeTestResult;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.Runtime;

class CutoverSmokeTestsTest extends CutoverTestBase {
  static final String FUNCTION = "avesa-connectwise-ingestion-prod";

  @Test
  void aFunctionThatAnswersPassesAndItsResponseIsKept() throws IOException {
    MOTO.lambdaUsesDocker(false); // echoes the payload; moto keeps each mode's functions apart, so switch first
    createFunction(clients, estate, FUNCTION);

    SmokeTestResult result = invoke(FUNCTION, "{\"test\": true}");

    assertThat(result.passed()).isTrue();
    assertThat(result.statusCode()).isEqualTo(200);
    assertThat(result.functionError()).isNull();
    assertThat(result.response()).isEqualTo("{\"test\": true}");
    assertThat(result.function()).isEqualTo(FUNCTION);
  }

  @Test
  void aFunctionErrorIsReportedNotThrown() throws IOException {
    // moto's default: run in Docker; with no Docker daemon every invoke answers FunctionError
    createFunction(clients, estate, FUNCTION);
    SmokeTestResult result = invoke(FUNCTION, "{\"test\": true}");

    assertThat(result.passed()).isFalse();
    assertThat(result.functionError()).isNotBlank();
    assertThat(result.response()).isNotEmpty().hasSizeLessThanOrEqualTo(SmokeTests.RESPONSE_CHARS);
  }

  @Test
  void keepsOnlyTheFirst200CharactersOfTheResponse() throws IOException {
    MOTO.lambdaUsesDocker(false);
    createFunction(clients, estate, FUNCTION);
    String payload = "{\"padding\": \"" + "x".repeat(500) + "\"}";

    SmokeTestResult result = invoke(FUNCTION, payload);

    assertThat(result.response()).isEqualTo(payload.substring(0, 200));
    assertThat(result.passed()).isTrue();
  }

  @Test
  void aMissingFunctionFailsNonRetryablyNamingFunctionAndAccount() {
    // Docker mode: moto's echo mode answers for any name
    String message = Failed.nonRetryably(FailureType.NOT_FOUND, () -> invoke("avesa-no-such-function", "{}"));

    assertThat(message).contains("avesa-no-such-function").contains("target account " + TestEstates.TARGET_ACCOUNT);
  }

  @Test
  void theFunctionIsLookedForOnlyInTheAccountOfTheSideItIsTold() throws IOException {
    createFunction(clients, estate, FUNCTION);

    String message = Failed.nonRetryably(FailureType.NOT_FOUND,
        () -> activities.invokeFunction(new SmokeTestRequest(estate, Side.SOURCE, FUNCTION, "{}")));

    assertThat(message).contains("source account " + TestEstates.SOURCE_ACCOUNT);
  }

  private SmokeTestResult invoke(String function, String payload) {
    return activities.invokeFunction(new SmokeTestRequest(estate, Side.TARGET, function, payload));
  }

  /** A tiny python function in the target account (moto wants an existing role for it). */
  static void createFunction(AwsClients clients, Estate estate, String name) throws IOException {
    createFunction(clients, estate, Side.TARGET, name, 3);
  }

  /** The same on either side, with its timeout in seconds; returns its ARN. */
  static String createFunction(AwsClients clients, Estate estate, Side side, String name, int timeoutSeconds)
      throws IOException {
    String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    String role = clients.iam(estate, side)
        .createRole(b -> b.roleName("smoke-test-" + name).assumeRolePolicyDocument(trust)).role().arn();
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("handler.py"));
      out.write("def handler(event, context):\n    return event\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return clients.lambda(estate, side).createFunction(b -> b.functionName(name).runtime(Runtime.PYTHON3_12).role(role)
        .timeout(timeoutSeconds).handler("handler.handler").code(c -> c.zipFile(SdkBytes.fromByteArray(zip.toByteArray()))))
        .functionArn();
  }
}
