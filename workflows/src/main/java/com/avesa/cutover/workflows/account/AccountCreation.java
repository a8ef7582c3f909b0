package com.avesa.cutover.workflows.account;

/**
 * Where an Organizations account creation stands.
 *
 * @param requestId the CreateAccount request (null when the account was found by its email)
 * @param state IN_PROGRESS, SUCCEEDED or FAILED
 * @param accountId the account, once SUCCEEDED
 * @param failureReason Organizations' reason when FAILED, e.g. EMAIL_ALREADY_EXISTS
 * @param existing true when an account with that email existed before this run asked for one
 */
public record AccountCreation(String requestId, State state, String accountId, String failureReason,
    boolean existing) {
  /** Organizations' CreateAccount states; written by name, as the strings these replaced. */
  public enum State {
    IN_PROGRESS,
    SUCCEEDED,
    FAILED
  }
}
