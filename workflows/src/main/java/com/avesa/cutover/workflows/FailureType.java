package com.avesa.cutover.workflows;

/**
 * Types of the non-retryable {@code ApplicationFailure}s: errors that retrying cannot fix. The
 * name travels as the failure's type, so workflows and the CLI can tell them apart.
 */
public enum FailureType {
  /** The identity behind a set of credentials is not the account the config names. */
  ACCOUNT_MISMATCH,
  /** The credentials were refused (access denied, invalid token, role cannot be assumed). */
  ACCESS_DENIED,
  /** A bucket, table or secret the config names does not exist. */
  NOT_FOUND,
  /** The config is wrong in a way only AWS could tell (e.g. an incompatible existing table). */
  BAD_CONFIG,
  /** Verification found differences between source and target. */
  VERIFICATION_FAILED,
  /** Organizations is still creating the account after the setup's deadline; a later run resumes it. */
  ACCOUNT_CREATION_PENDING,
  /** A phase of an isolation run failed; the failure carries the isolation's report. */
  PHASE_FAILED,
  /**
   * The worker refuses to run what a run asked for: a deploy command name its operator did not
   * allow (AVESA_DEPLOY_COMMANDS), or an argv or environment from workflow input.
   */
  DEPLOY_NOT_ALLOWED,
  /** An encrypting worker was handed a payload that is not encrypted (a client without the keys). */
  PLAINTEXT_PAYLOAD_REFUSED,
  /** STS refused an approval's or a start's proof (bad signature, expired token): who sent it is unknown. */
  NOT_AUTHENTICATED,
  /** A gate's rules refused a decision once STS told who made it (four eyes, not an approver, a second approval). */
  DECISION_REFUSED;

  public String type() {
    return name();
  }

  /** Every type, as retry policies list the errors they must not retry. */
  public static String[] typeNames() {
    FailureType[] types = values();
    String[] names = new String[types.length];
    for (int i = 0; i < types.length; i++) {
      names[i] = types[i].type();
    }
    return names;
  }
}
