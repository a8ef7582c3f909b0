package com.avesa.cutover.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.avesa.cutover.activities.SignedJsonCalls.AwsCallException;
import com.avesa.cutover.activities.SignedJsonCalls.Service;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.activities.testing.TestEstates;
import com.avesa.cutover.workflows.migration.Estate;
import com.avesa.cutover.workflows.migration.Side;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.http.SdkHttpMethod;

/** The three protocols the runbook's SDK-less services speak, signed and sent to moto. */
class SignedJsonCallsTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();

  private AwsClients clients;
  private SignedJsonCalls calls;
  private Estate estate;

  @BeforeEach
  void open() {
    clients = new AwsClients();
    calls = new SignedJsonCalls(clients);
    estate = TestEstates.crossAccount(MOTO.endpoint());
  }

  @AfterEach
  void close() {
    clients.close();
  }

  @Test
  void organizationsJsonRpcAnswersAndNamesErrorCodes() {
    assertThatThrownBy(() -> calls.jsonRpc(estate, Side.SOURCE, Service.ORGANIZATIONS, "AWSOrganizationsV20161128",
        "DescribeOrganization", SignedJsonCalls.body()))
        .isInstanceOfSatisfying(AwsCallException.class, e -> {
          assertThat(e.code()).isEqualTo("AWSOrganizationsNotInUseException");
          assertThat(e.status()).isEqualTo(400);
        });
    calls.jsonRpc(estate, Side.SOURCE, Service.ORGANIZATIONS, "AWSOrganizationsV20161128", "CreateOrganization",
        SignedJsonCalls.body().put("FeatureSet", "ALL"));
    JsonNode org = calls.jsonRpc(estate, Side.SOURCE, Service.ORGANIZATIONS, "AWSOrganizationsV20161128",
        "DescribeOrganization", SignedJsonCalls.body());
    assertThat(org.path("Organization").path("MasterAccountId").asText()).isEqualTo(TestEstates.SOURCE_ACCOUNT);
  }

  @Test
  void guardDutyRestJsonActsInTheTargetAccount() {
    JsonNode none = calls.rest(estate, Side.TARGET, Service.GUARDDUTY, SdkHttpMethod.GET, "/detector", null);
    assertThat(none.path("detectorIds")).isEmpty();
    calls.rest(estate, Side.TARGET, Service.GUARDDUTY, SdkHttpMethod.POST, "/detector",
        SignedJsonCalls.body().put("enable", true));
    assertThat(calls.rest(estate, Side.TARGET, Service.GUARDDUTY, SdkHttpMethod.GET, "/detector", null)
        .path("detectorIds")).hasSize(1);
    assertThat(calls.rest(estate, Side.SOURCE, Service.GUARDDUTY, SdkHttpMethod.GET, "/detector", null)
        .path("detectorIds")).isEmpty();
  }

  @Test
  void configJsonRpcAnswers() {
    JsonNode recorders = calls.jsonRpc(estate, Side.TARGET, Service.CONFIG, "StarlingDoveService",
        "DescribeConfigurationRecorders", SignedJsonCalls.body());
    assertThat(recorders.path("ConfigurationRecorders")).isEmpty();
  }
}
