package com.avesa.cutover.activities.infra;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.testing.FaultProxy;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.activities.testing.TestEstates;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.infra.DeployedResources;
import com.avesa.cutover.workflows.infra.DeployedResourcesRequest;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import io.temporal.failure.ApplicationFailure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.lambda.model.Runtime;

/** Stacks, functions and rules looked up in the target account on moto. */
class DeployedResourcesTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();
  private static final String STACK = "AVESADataPipeline-prod";
  private static final String FUNCTION = "avesa-connectwise-ingestion-prod";
  private static final String RULE = "ConnectWiseIngestionSchedule";
  private static final String TOPIC_TEMPLATE = "{\"Resources\":{\"Alerts\":{\"Type\":\"AWS::SNS::Topic\","
      + "\"Properties\":{\"TopicName\":\"avesa-alerts\"}}}}";

  private AwsClients clients;
  private Estate estate;
  private InfrastructureActivitiesImpl activities;

  @BeforeEach
  void openClients() {
    clients = new AwsClients();
    estate = TestEstates.crossAccount(MOTO.endpoint());
    activities = new InfrastructureActivitiesImpl(clients, DeployCommands.none(), Map.of());
  }

  @AfterEach
  void closeClients() {
    clients.close();
  }

  @Test
  void everythingDeployedIsFoundWithItsStatus() throws IOException {
    createStack(Side.TARGET, STACK);
    createFunction(FUNCTION);
    clients.eventBridge(estate, Side.TARGET).putRule(b -> b.name(RULE).scheduleExpression("rate(15 minutes)")
        .state(RuleState.DISABLED));

    DeployedResources resources = verify(List.of(STACK), List.of(FUNCTION), List.of(RULE));

    assertThat(resources.missing()).isEmpty();
    assertThat(resources.found()).containsExactly(
        new PhaseItem("cloudformation stack " + STACK, "CREATE_COMPLETE"),
        new PhaseItem("lambda function " + FUNCTION, "Active"),
        new PhaseItem("eventbridge rule " + RULE, "DISABLED"));
  }

  @Test
  void eachMissingThingIsNamedWithTheTargetAccount() {
    DeployedResources resources = verify(List.of(STACK), List.of(FUNCTION), List.of(RULE));

    assertThat(resources.found()).isEmpty();
    assertThat(resources.missing()).containsExactly(
        "cloudformation stack " + STACK + " not found in account " + TestEstates.TARGET_ACCOUNT,
        "lambda function " + FUNCTION + " not found in account " + TestEstates.TARGET_ACCOUNT,
        "eventbridge rule " + RULE + " not found in account " + TestEstates.TARGET_ACCOUNT);
  }

  @Test
  void whatExistsOnlyInTheSourceAccountIsMissingFromTheTarget() {
    createStack(Side.SOURCE, STACK);
    clients.eventBridge(estate, Side.SOURCE).putRule(b -> b.name(RULE).scheduleExpression("rate(15 minutes)"));

    DeployedResources resources = verify(List.of(STACK), List.of(), List.of(RULE));

    assertThat(resources.found()).isEmpty();
    assertThat(resources.missing()).hasSize(2).allMatch(m -> m.endsWith("not found in account " + TestEstates.TARGET_ACCOUNT));
  }

  @Test
  void aDeletedStackIsNotFoundByName() {
    createStack(Side.TARGET, STACK);
    clients.cloudFormation(estate, Side.TARGET).deleteStack(b -> b.stackName(STACK));

    DeployedResources resources = verify(List.of(STACK), List.of(), List.of());

    assertThat(resources.found()).isEmpty();
    // Like CloudFormation, moto answers a deleted stack's name with "does not exist" (DELETE_COMPLETE only by stack id).
    assertThat(resources.missing()).containsExactly(
        "cloudformation stack " + STACK + " not found in account " + TestEstates.TARGET_ACCOUNT);
  }

  @Test
  void refusedAccessFailsNonRetryablyNamingWhatWasLookedUp() {
    try (FaultProxy proxy = FaultProxy.start(MOTO.endpoint(), 1, 0)) {
      proxy.server().stubFor(get(urlPathEqualTo("/2015-03-31/functions/" + FUNCTION)).willReturn(aResponse()
          .withStatus(403).withHeader("x-amzn-ErrorType", "AccessDeniedException")
          .withBody("{\"Message\":\"not authorized to perform: lambda:GetFunction\"}")));
      Estate proxied = TestEstates.crossAccount(proxy.endpoint());

      ApplicationFailure failure = catchThrowableOfType(ApplicationFailure.class, () -> activities.verifyDeployedResources(
          new DeployedResourcesRequest(proxied, List.of(), List.of(FUNCTION), List.of())));

      assertThat(failure.getType()).isEqualTo(FailureType.ACCESS_DENIED.type());
      assertThat(failure.isNonRetryable()).isTrue();
      assertThat(failure.getOriginalMessage()).contains("lambda function " + FUNCTION)
          .contains("account " + TestEstates.TARGET_ACCOUNT).contains("lambda:GetFunction");
    }
  }

  @Test
  void onlyCompleteStacksThatWereNotRolledBackOrDeletedAreUsable() {
    assertThat(DeployedResourceCheck.statusProblem("CREATE_COMPLETE")).isNull();
    assertThat(DeployedResourceCheck.statusProblem("UPDATE_COMPLETE")).isNull();
    assertThat(DeployedResourceCheck.statusProblem("UPDATE_ROLLBACK_COMPLETE")).isNull();
    assertThat(DeployedResourceCheck.statusProblem("IMPORT_COMPLETE")).isNull();
    assertThat(DeployedResourceCheck.statusProblem("ROLLBACK_COMPLETE")).contains("failed to create");
    assertThat(DeployedResourceCheck.statusProblem("DELETE_COMPLETE")).contains("deleted");
    assertThat(DeployedResourceCheck.statusProblem("UPDATE_IN_PROGRESS")).contains("still in progress");
    assertThat(DeployedResourceCheck.statusProblem("CREATE_FAILED")).contains("failed state");
    assertThat(DeployedResourceCheck.statusProblem("UPDATE_ROLLBACK_FAILED")).contains("failed state");
  }

  private DeployedResources verify(List<String> stacks, List<String> functions, List<String> rules) {
    return activities.verifyDeployedResources(new DeployedResourcesRequest(estate, stacks, functions, rules));
  }

  private void createStack(Side side, String name) {
    clients.cloudFormation(estate, side).createStack(b -> b.stackName(name).templateBody(TOPIC_TEMPLATE));
    clients.cloudFormation(estate, side).waiter().waitUntilStackCreateComplete(b -> b.stackName(name));
  }

  /** A tiny python function in the target account (moto wants an existing role for it). */
  private void createFunction(String name) throws IOException {
    String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    String role = clients.iam(estate, Side.TARGET)
        .createRole(b -> b.roleName("function-" + name).assumeRolePolicyDocument(trust)).role().arn();
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("handler.py"));
      out.write("def handler(event, context):\n    return event\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    clients.lambda(estate, Side.TARGET).createFunction(b -> b.functionName(name).runtime(Runtime.PYTHON3_12).role(role)
        .handler("handler.handler").code(c -> c.zipFile(SdkBytes.fromByteArray(zip.toByteArray()))));
  }
}
