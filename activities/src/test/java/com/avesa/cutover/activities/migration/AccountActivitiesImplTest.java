package com.avesa.cutover.activities.migration;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.testing.Failed;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.activities.testing.TestEstates;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.migration.AccountCheck;
import com.avesa.cutover.workflows.migration.PreflightRequest;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

class AccountActivitiesImplTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();

  private AwsClients clients;

  @BeforeEach
  void setUp() {
    clients = new AwsClients();
  }

  @AfterEach
  void tearDown() {
    clients.close();
  }

  @Test
  void returnsBothIdentitiesWhenTheyMatchTheConfigAndTheSourceExists() {
    Estate estate = TestEstates.crossAccount(MOTO.endpoint());
    clients.s3(estate, Side.SOURCE).createBucket(b -> b.bucket("data-storage-msp"));
    clients.dynamoDb(estate, Side.SOURCE).createTable(b -> b.tableName("TenantServices-prod")
        .keySchema(k -> k.attributeName("tenant_id").keyType(KeyType.HASH))
        .attributeDefinitions(a -> a.attributeName("tenant_id").attributeType(ScalarAttributeType.S))
        .billingMode("PAY_PER_REQUEST"));

    AccountCheck check = new AccountActivitiesImpl(clients)
        .verifyAccess(new PreflightRequest(estate, List.of("data-storage-msp"), List.of("TenantServices-prod")));

    assertThat(check.sourceAccountId()).isEqualTo(TestEstates.SOURCE_ACCOUNT);
    assertThat(check.targetAccountId()).isEqualTo(TestEstates.TARGET_ACCOUNT);
    assertThat(check.targetArn()).contains("AVESADeploymentRole").contains(AwsClients.SESSION_NAME);
  }

  @Test
  void targetAccountMismatchIsNonRetryableAndNamesBothIds() {
    Estate estate = TestEstates.withTargetAccountId(MOTO.endpoint(), "111122223333");

    String message = Failed.nonRetryably(FailureType.ACCOUNT_MISMATCH,
        () -> new AccountActivitiesImpl(clients).verifyAccess(new PreflightRequest(estate, List.of(), List.of())));

    assertThat(message).startsWith("target account mismatch: the config says target.accountId 111122223333 "
        + "but the credentials act as 987654321098 (arn:");
  }

  @Test
  void missingSourceBucketIsNonRetryableNotFound() {
    Estate estate = TestEstates.crossAccount(MOTO.endpoint());

    String message = Failed.nonRetryably(FailureType.NOT_FOUND, () -> new AccountActivitiesImpl(clients)
        .verifyAccess(new PreflightRequest(estate, List.of("data-storage-msp"), List.of())));

    assertThat(message).isEqualTo("source bucket data-storage-msp does not exist (account 123456789012)");
  }

  @Test
  void missingSourceTableIsNonRetryableNotFound() {
    Estate estate = TestEstates.crossAccount(MOTO.endpoint());

    String message = Failed.nonRetryably(FailureType.NOT_FOUND, () -> new AccountActivitiesImpl(clients)
        .verifyAccess(new PreflightRequest(estate, List.of(), List.of("LastUpdated-prod"))));

    assertThat(message).contains("source table LastUpdated-prod does not exist");
  }

  @Test
  void assumeRoleRequestCarriesTheExternalIdAndSessionName() {
    WireMockServer proxy = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    proxy.start();
    try {
      proxy.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(MOTO.endpoint())));
      Estate estate = TestEstates.crossAccount(proxy.baseUrl());

      AccountCheck check = new AccountActivitiesImpl(clients).verifyAccess(new PreflightRequest(estate, List.of(), List.of()));

      assertThat(check.targetAccountId()).isEqualTo(TestEstates.TARGET_ACCOUNT);
      proxy.verify(1, postRequestedFor(urlPathEqualTo("/"))
          .withRequestBody(containing("Action=AssumeRole"))
          .withRequestBody(containing("ExternalId=" + TestEstates.EXTERNAL_ID))
          .withRequestBody(containing("RoleSessionName=" + AwsClients.SESSION_NAME)));
    } finally {
      proxy.stop();
    }
  }
}
