package com.avesa.cutover.activities.account;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.aws.Failures;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.account.AccountCreation;
import com.avesa.cutover.workflows.account.AccountStatusRequest;
import com.avesa.cutover.workflows.account.NewAccountRequest;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountStatus;
import software.amazon.awssdk.services.organizations.model.CreateAccountState;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.organizations.model.OrganizationsException;

/**
 * Organizations calls of the account step, with the source (management account) credentials. A
 * rerun, or a retried attempt, never asks for a second account: it finds the account by its email,
 * or the creation of that name still in progress.
 */
final class OrganizationsAccounts {
  /** The largest page ListAccounts and ListCreateAccountStatus give. */
  static final int PAGE_SIZE = 20;

  private final AwsClients clients;

  OrganizationsAccounts(AwsClients clients) {
    this.clients = clients;
  }

  AccountCreation createAccount(NewAccountRequest request) {
    Estate estate = request.estate();
    OrganizationsClient organizations = clients.organizations(estate, Side.SOURCE);
    Optional<Account> existing = call(estate, "ListAccounts", o -> o
        .listAccountsPaginator(b -> b.maxResults(PAGE_SIZE)).stream().flatMap(page -> page.accounts().stream())
        .filter(account -> request.email().equalsIgnoreCase(account.email())).findFirst(), organizations);
    if (existing.isPresent()) {
      return found(existing.get(), request);
    }
    Optional<CreateAccountStatus> running = call(estate, "ListCreateAccountStatus", o -> o
        .listCreateAccountStatusPaginator(b -> b.states(CreateAccountState.IN_PROGRESS).maxResults(PAGE_SIZE))
        .stream().flatMap(page -> page.createAccountStatuses().stream())
        .filter(status -> request.name().equals(status.accountName())).findFirst(), organizations);
    if (running.isPresent()) {
      return creation(running.get());
    }
    return creation(call(estate, "CreateAccount", o -> o
        .createAccount(b -> b.email(request.email()).accountName(request.name())).createAccountStatus(), organizations));
  }

  AccountCreation status(AccountStatusRequest request) {
    Estate estate = request.estate();
    return creation(call(estate, "DescribeCreateAccountStatus", o -> o
        .describeCreateAccountStatus(b -> b.createAccountRequestId(request.requestId())).createAccountStatus(),
        clients.organizations(estate, Side.SOURCE)));
  }

  private static AccountCreation found(Account account, NewAccountRequest request) {
    if (account.status() != AccountStatus.ACTIVE) {
      throw Failures.nonRetryable(FailureType.BAD_CONFIG, "account.create: the organization's account "
          + account.id() + " with email " + request.email() + " is " + account.statusAsString()
          + ", not ACTIVE: reopen it, or choose another account.create.email");
    }
    return new AccountCreation(null, AccountCreation.State.SUCCEEDED, account.id(), null, true);
  }

  private static AccountCreation creation(CreateAccountStatus status) {
    return new AccountCreation(status.id(), state(status), status.accountId(), status.failureReasonAsString(), false);
  }

  /** Organizations' state of a creation; one this code does not know fails the attempt (retried). */
  private static AccountCreation.State state(CreateAccountStatus status) {
    CreateAccountState state = status.state();
    return switch (state == null ? CreateAccountState.UNKNOWN_TO_SDK_VERSION : state) {
      case IN_PROGRESS -> AccountCreation.State.IN_PROGRESS;
      case SUCCEEDED -> AccountCreation.State.SUCCEEDED;
      case FAILED -> AccountCreation.State.FAILED;
      default -> throw new IllegalStateException("Organizations reports account creation " + status.id()
          + " in state " + status.stateAsString() + ", which this version does not know");
    };
  }

  private static <T> T call(Estate estate, String operation, Function<OrganizationsClient, T> call,
      OrganizationsClient organizations) {
    try {
      return call.apply(organizations);
    } catch (OrganizationsException e) {
      throw classify(estate, operation, e);
    }
  }

  private static RuntimeException classify(Estate estate, String operation, OrganizationsException e) {
    String source = estate.source().accountId();
    String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
    if ("AWSOrganizationsNotInUseException".equals(code)) {
      return Failures.nonRetryable(FailureType.BAD_CONFIG, "account.create: the source account " + source
          + " is not in an organization (AWSOrganizationsNotInUseException): create one from the source account"
          + " (aws organizations create-organization --feature-set ALL), or leave account.create out and set"
          + " target.accountId");
    }
    if (e.statusCode() == 403 || code.startsWith("AccessDenied")) {
      return Failures.nonRetryable(FailureType.ACCESS_DENIED, "organizations:" + operation + " was refused"
          + " to the source credentials (account " + source + "): account.create needs the management account's"
          + " credentials (source.profile) with organizations:* rights: " + e.getMessage());
    }
    if (e.statusCode() >= 400 && e.statusCode() < 500 && !"ConcurrentModificationException".equals(code)) {
      return Failures.nonRetryable(FailureType.BAD_CONFIG, "account.create: " + e.getMessage());
    }
    return e;
  }
}
