package com.avesa.cutover.activities.aws;

/**
 * An AWS service's error answer to a request sent without a service client (the replayed STS
 * GetCallerIdentity of an approval proof): HTTP status, error code (e.g. {@code ExpiredToken}) and
 * message.
 */
public final class AwsCallException extends RuntimeException {
  private final int status;
  private final String code;

  public AwsCallException(String operation, int status, String code, String message) {
    super(operation + " failed: " + code + " (HTTP " + status + ")" + (message == null ? "" : ": " + message));
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
