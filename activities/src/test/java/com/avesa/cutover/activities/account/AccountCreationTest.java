package com.avesa.cutover.activities.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.activities.AwsClients;
import com.avesa.cutover.activities.Failed;
import com.avesa.cutover.activities.SignedJsonCalls;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.activities.testing.TestEstates;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.account.AccountCreation;
import com.avesa.cutover.workflows.account.AccountStatusRequest;
import com.avesa.cutover.workflows.account.NewAccountRequest;
import com.avesa.cutover.workflows.migration.Estate;
import com.avesa.cutover.workflows.migration.Side;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Organizations' CreateAccount, its status and the lookup by email, against moto. */
class AccountCreationTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();
  private static final String EMAIL = "aws-prod@avesa.example.com";

  private AwsClients clients;
  private SignedJsonCalls calls;
  private AccountSetupActivitiesImpl activities;
  private Estate estate;

  @BeforeEach
  void open() {
    clients = new AwsClients();
    calls = new SignedJsonCalls(clients);
    activities = new AccountSetupActivitiesImpl(clients);
    estate = TestEstates.crossAccount(MOTO.endpoint());
  }

  @AfterEach
  void close() {
    clients.close();
  }

  private JsonNode organizations(String operation, ObjectNode body) {
    return calls.jsonRpc(estate, Side.SOURCE, SignedJsonCalls.Service.ORGANIZATIONS, "AWSOrganizationsV20161128",
        operation, body);
  }

  private void createOrganization() {
    organizations("CreateOrganization", SignedJsonCalls.body().put("FeatureSet", "ALL"));
  }

  @Test
  void createsTheAccountAndItsStatusNamesTheNewId() {
    createOrganization();

    AccountCreation creation = activities.createAccount(new NewAccountRequest(estate, EMAIL, "avesa-production"));
    AccountCreation status = activities.accountCreationStatus(new AccountStatusRequest(estate, creation.requestId()));

    assertThat(creation.existing()).isFalse();
    assertThat(creation.requestId()).isNotBlank();
    assertThat(status.state()).isEqualTo(AccountCreation.SUCCEEDED);
    assertThat(status.accountId()).matches("\\d{12}").isNotEqualTo(TestEstates.SOURCE_ACCOUNT);
    JsonNode account = organizations("DescribeAccount", SignedJsonCalls.body().put("AccountId", status.accountId()));
    assertThat(account.path("Account").path("Email").asText()).isEqualTo(EMAIL);
    assertThat(account.path("Account").path("Name").asText()).isEqualTo("avesa-production");
  }

  @Test
  void anAccountWithThatEmailIsFoundOnAnyPageAndNotCreatedAgain() {
    createOrganization();
    for (int i = 0; i < OrganizationsAccounts.PAGE_SIZE + 5; i++) {
      organizations("CreateAccount", SignedJsonCalls.body().put("Email", "other" + i + "@avesa.example.com")
          .put("AccountName", "other-" + i));
    }
    AccountCreation first = activities.createAccount(new NewAccountRequest(estate, EMAIL, "avesa-production"));
    String created = activities.accountCreationStatus(new AccountStatusRequest(estate, first.requestId())).accountId();

    AccountCreation again = activities.createAccount(new NewAccountRequest(estate, "AWS-Prod@avesa.example.com",
        "avesa-production"));

    assertThat(again.existing()).isTrue();
    assertThat(again.accountId()).isEqualTo(created);
    assertThat(again.state()).isEqualTo(AccountCreation.SUCCEEDED);
    JsonNode accounts = organizations("ListAccounts", SignedJsonCalls.body());
    assertThat(accounts.path("Accounts").findValuesAsText("Email")).containsOnlyOnce(EMAIL);
  }

  @Test
  void withoutAnOrganizationTheFailureSaysWhatToDo() {
    String message = Failed.nonRetryably(FailureType.BAD_CONFIG,
        () -> activities.createAccount(new NewAccountRequest(estate, EMAIL, "avesa-production")));

    assertThat(message).contains("source account " + TestEstates.SOURCE_ACCOUNT)
        .contains("AWSOrganizationsNotInUseException")
        .contains("aws organizations create-organization")
        .contains("target.accountId");
  }
}
