package com.avesa.cutover.workflows.account;

/**
 * Where an Organizations account creation stands.
 *
 * @param requestId the CreateAccount request (null when the account was found by its email)
 * @param state {@value #IN_PROGRESS}, {@value #SUCCEEDED} or {@value #FAILED}
 * @param accountId the account, once SUCCEEDED
 * @param failureReason Organizations' reason when FAILED, e.g. EMAIL_ALREADY_EXISTS
 * @param existing true when an account with that email existed before this run asked for one
 */
public record AccountCreation(String requestId, String state, String accountId, String failureReason,
    boolean existing) {
  public static final String IN_PROGRESS = "IN_PROGRESS";
  public static final String SUCCEEDED = "SUCCEEDED";
  public static final String FAILED = "FAILED";
}
