package com.avesa.cutover.activities.account;

import com.avesa.cutover.activities.Failures;
import com.avesa.cutover.activities.SignedJsonCalls;
import com.avesa.cutover.activities.SignedJsonCalls.AwsCallException;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.account.AccountCreation;
import com.avesa.cutover.workflows.account.AccountStatusRequest;
import com.avesa.cutover.workflows.account.NewAccountRequest;
import com.avesa.cutover.workflows.migration.Estate;
import com.avesa.cutover.workflows.migration.Side;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Organizations calls of the account step, with the source (management account) credentials,
 * through {@link SignedJsonCalls} (no SDK module for Organizations in this build). A rerun, or a
 * retried attempt, never asks for a second account: it finds the account by its email, or the
 * creation of that name still in progress.
 */
final class OrganizationsAccounts {
  private static final String TARGET_PREFIX = "AWSOrganizationsV20161128";
  /** The largest page ListAccounts and ListCreateAccountStatus give. */
  static final int PAGE_SIZE = 20;

  private final SignedJsonCalls calls;

  OrganizationsAccounts(SignedJsonCalls calls) {
    this.calls = calls;
  }

  AccountCreation createAccount(NewAccountRequest request) {
    Estate estate = request.estate();
    Optional<JsonNode> existing = find(estate, "ListAccounts", SignedJsonCalls.body(), "Accounts",
        account -> request.email().equalsIgnoreCase(account.path("Email").asText()));
    if (existing.isPresent()) {
      return found(existing.get(), request);
    }
    ObjectNode inProgress = SignedJsonCalls.body();
    inProgress.putArray("States").add(AccountCreation.IN_PROGRESS);
    Optional<JsonNode> running = find(estate, "ListCreateAccountStatus", inProgress, "CreateAccountStatuses",
        status -> request.name().equals(status.path("AccountName").asText()));
    if (running.isPresent()) {
      return creation(running.get());
    }
    return creation(call(estate, "CreateAccount", SignedJsonCalls.body().put("Email", request.email())
        .put("AccountName", request.name())).path("CreateAccountStatus"));
  }

  AccountCreation status(AccountStatusRequest request) {
    return creation(call(request.estate(), "DescribeCreateAccountStatus",
        SignedJsonCalls.body().put("CreateAccountRequestId", request.requestId())).path("CreateAccountStatus"));
  }

  private static AccountCreation found(JsonNode account, NewAccountRequest request) {
    String status = account.path("Status").asText();
    if (!"ACTIVE".equals(status)) {
      throw Failures.nonRetryable(FailureType.BAD_CONFIG, "account.create: the organization's account "
          + account.path("Id").asText() + " with email " + request.email() + " is " + status
          + ", not ACTIVE: reopen it, or choose another account.create.email");
    }
    return new AccountCreation(null, AccountCreation.SUCCEEDED, account.path("Id").asText(), null, true);
  }

  private static AccountCreation creation(JsonNode status) {
    return new AccountCreation(status.path("Id").asText(null), status.path("State").asText(),
        status.path("AccountId").asText(null), status.path("FailureReason").asText(null), false);
  }

  /** The first item of {@code listKey} over every page of {@code operation} that {@code wanted} accepts. */
  private Optional<JsonNode> find(Estate estate, String operation, ObjectNode request, String listKey,
      Predicate<JsonNode> wanted) {
    String token = null;
    do {
      ObjectNode page = request.deepCopy().put("MaxResults", PAGE_SIZE);
      if (token != null) {
        page.put("NextToken", token);
      }
      JsonNode answer = call(estate, operation, page);
      for (JsonNode item : answer.path(listKey)) {
        if (wanted.test(item)) {
          return Optional.of(item);
        }
      }
      token = answer.path("NextToken").asText(null);
    } while (token != null && !token.isEmpty());
    return Optional.empty();
  }

  private JsonNode call(Estate estate, String operation, ObjectNode body) {
    try {
      return calls.jsonRpc(estate, Side.SOURCE, SignedJsonCalls.Service.ORGANIZATIONS, TARGET_PREFIX, operation, body);
    } catch (AwsCallException e) {
      throw classify(estate, operation, e);
    }
  }

  private static RuntimeException classify(Estate estate, String operation, AwsCallException e) {
    String source = estate.source().accountId();
    if ("AWSOrganizationsNotInUseException".equals(e.code())) {
      return Failures.nonRetryable(FailureType.BAD_CONFIG, "account.create: the source account " + source
          + " is not in an organization (AWSOrganizationsNotInUseException): create one from the source account"
          + " (aws organizations create-organization --feature-set ALL), or leave account.create out and set"
          + " target.accountId");
    }
    if (e.status() == 403 || e.code().startsWith("AccessDenied")) {
      return Failures.nonRetryable(FailureType.ACCESS_DENIED, "organizations:" + operation + " was refused"
          + " to the source credentials (account " + source + "): account.create needs the management account's"
          + " credentials (source.profile) with organizations:* rights: " + e.getMessage());
    }
    if (e.status() >= 400 && e.status() < 500 && !"ConcurrentModificationException".equals(e.code())) {
      return Failures.nonRetryable(FailureType.BAD_CONFIG, "account.create: " + e.getMessage());
    }
    return e;
  }
}
