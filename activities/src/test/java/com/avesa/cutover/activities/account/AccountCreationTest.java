package com.avesa.cutover.activities.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.testing.Failed;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.activities.testing.TestEstates;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.account.AccountCreation;
import com.avesa.cutover.workflows.account.AccountStatusRequest;
import com.avesa.cutover.workflows.account.NewAccountRequest;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.CreateAccountRequest;

/** Organizations' CreateAccount, its status and the lookup by email, against moto. */
class AccountCreationTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();
  private static final String EMAIL = "aws-prod@avesa.example.com";

  private AwsClients clients;
  private AccountSetupActivitiesImpl activities;
  private Estate estate;

  @BeforeEach
  void open() {
    clients = new AwsClients();
    activities = new AccountSetupActivitiesImpl(clients);
    estate = TestEstates.crossAccount(MOTO.endpoint());
  }

  @AfterEach
  void close() {
    clients.close();
  }

  private OrganizationsClient organizations() {
    return clients.organizations(estate, Side.SOURCE);
  }

  private void createOrganization() {
    organizations().createOrganization(b -> b.featureSet("ALL"));
  }

  @Test
  void createsTheAccountAndItsStatusNamesTheNewId() {
    createOrganization();

    AccountCreation creation = activities.createAccount(new NewAccountRequest(estate, EMAIL, "avesa-production"));
    AccountCreation status = activities.accountCreationStatus(new AccountStatusRequest(estate, creation.requestId()));

    assertThat(creation.existing()).isFalse();
    assertThat(creation.requestId()).isNotBlank();
    assertThat(status.state()).isEqualTo(AccountCreation.State.SUCCEEDED);
    assertThat(status.accountId()).matches("\\d{12}").isNotEqualTo(TestEstates.SOURCE_ACCOUNT);
    Account account = organizations().describeAccount(b -> b.accountId(status.accountId())).account();
    assertThat(account.email()).isEqualTo(EMAIL);
    assertThat(account.name()).isEqualTo("avesa-production");
  }

  @Test
  void anAccountWithThatEmailIsFoundOnAnyPageAndNotCreatedAgain() {
    createOrganization();
    for (int i = 0; i < OrganizationsAccounts.PAGE_SIZE + 5; i++) {
      CreateAccountRequest other = CreateAccountRequest.builder().email("other" + i + "@avesa.example.com")
          .accountName("other-" + i).build();
      organizations().createAccount(other);
    }
    AccountCreation first = activities.createAccount(new NewAccountRequest(estate, EMAIL, "avesa-production"));
    String created = activities.accountCreationStatus(new AccountStatusRequest(estate, first.requestId())).accountId();

    AccountCreation again = activities.createAccount(new NewAccountRequest(estate, "AWS-Prod@avesa.example.com",
        "avesa-production"));

    assertThat(again.existing()).isTrue();
    assertThat(again.accountId()).isEqualTo(created);
    assertThat(again.state()).isEqualTo(AccountCreation.State.SUCCEEDED);
    assertThat(organizations().listAccountsPaginator(b -> {}).stream().flatMap(page -> page.accounts().stream()).map(Account::email))
        .containsOnlyOnce(EMAIL);
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
