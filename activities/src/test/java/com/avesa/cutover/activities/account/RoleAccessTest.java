package com.avesa.cutover.activities.account;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.testing.Failed;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.activities.testing.TestEstates;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.account.AccessCheckRequest;
import com.avesa.cutover.workflows.account.AdminAccessRequest;
import com.avesa.cutover.workflows.estate.AccountConfig;
import com.avesa.cutover.workflows.estate.Estate;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Whose credentials the setup acts with: the admin's and the deployment role's, against moto. */
class RoleAccessTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();
  private static final String SOURCE = TestEstates.SOURCE_ACCOUNT;
  private static final String TARGET = TestEstates.TARGET_ACCOUNT;
  private static final String ROLE_ARN = "arn:aws:iam::" + TARGET + ":role/AVESADeploymentRole";

  private AwsClients clients;
  private AccountSetupActivitiesImpl activities;

  @BeforeEach
  void open() {
    clients = new AwsClients();
    activities = new AccountSetupActivitiesImpl(clients, Duration.ZERO, Duration.ZERO);
  }

  @AfterEach
  void close() {
    clients.close();
  }

  private static Estate admin(String endpoint, AccountConfig target) {
    return new Estate(MotoExtension.REGION, endpoint, new AccountConfig(SOURCE, null, null, null), target);
  }

  @Test
  void adminCredentialsActingInTheTargetAreAccepted() {
    Estate admin = admin(MOTO.endpoint(), new AccountConfig(TARGET, null,
        "arn:aws:iam::" + TARGET + ":role/OrganizationAccountAccessRole", null));

    String caller = activities.checkAdminAccess(new AdminAccessRequest(admin, TARGET));

    assertThat(caller).startsWith("arn:aws:sts::" + TARGET + ":assumed-role/OrganizationAccountAccessRole/");
  }

  @Test
  void adminCredentialsInAnotherAccountAreRefusedNamingBothAndTheFix() {
    Estate admin = admin(MOTO.endpoint(), new AccountConfig(TARGET, null, null, null));

    String message = Failed.nonRetryably(FailureType.ACCOUNT_MISMATCH,
        () -> activities.checkAdminAccess(new AdminAccessRequest(admin, TARGET)));

    assertThat(message).startsWith("the admin credentials (the default credential chain) act in account " + SOURCE)
        .contains("not in the target account " + TARGET)
        .contains("account.adminRoleArn").contains("account.adminProfile");
  }

  @Test
  void assumeRoleCarriesTheExternalIdAndTheRoleActsInTheTarget() {
    WireMockServer proxy = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    proxy.start();
    try {
      proxy.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(MOTO.endpoint())));
      Estate estate = TestEstates.crossAccount(proxy.baseUrl());

      String caller = activities.verifyDeploymentRole(new AccessCheckRequest(estate, ROLE_ARN,
          TestEstates.EXTERNAL_ID, TARGET));

      assertThat(caller).isEqualTo("arn:aws:sts::" + TARGET + ":assumed-role/AVESADeploymentRole/"
          + RoleAccess.SESSION_NAME);
      proxy.verify(1, postRequestedFor(urlPathEqualTo("/"))
          .withRequestBody(containing("Action=AssumeRole"))
          .withRequestBody(containing("RoleArn=" + ROLE_ARN.replace(":", "%3A").replace("/", "%2F")))
          .withRequestBody(containing("ExternalId=" + TestEstates.EXTERNAL_ID))
          .withRequestBody(containing("RoleSessionName=" + RoleAccess.SESSION_NAME)));
      proxy.verify(1, postRequestedFor(urlPathEqualTo("/"))
          .withRequestBody(containing("Action=GetCallerIdentity"))
          .withHeader("Authorization", containing("Credential=" + sessionAccessKey(proxy))));
    } finally {
      proxy.stop();
    }
  }

  @Test
  void aRoleActingInAnotherAccountIsAnAccountMismatch() {
    Estate estate = TestEstates.crossAccount(MOTO.endpoint());

    String message = Failed.nonRetryably(FailureType.ACCOUNT_MISMATCH, () -> activities.verifyDeploymentRole(
        new AccessCheckRequest(estate, ROLE_ARN, TestEstates.EXTERNAL_ID, "111122223333")));

    assertThat(message).startsWith("the deployment role " + ROLE_ARN + " acts in account " + TARGET)
        .contains("not in the target account 111122223333");
  }

  /** The access key id of the session AssumeRole answered with. */
  private static String sessionAccessKey(WireMockServer proxy) {
    String body = proxy.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getBodyAsString().contains("Action=AssumeRole"))
        .findFirst().orElseThrow().getResponse().getBodyAsString();
    return body.substring(body.indexOf("<AccessKeyId>") + "<AccessKeyId>".length(), body.indexOf("</AccessKeyId>"));
  }
}
