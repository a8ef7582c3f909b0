package com.avesa.cutover.workflows.cutover;

/**
 * One invocation's outcome.
 *
 * @param functionError Lambda's FunctionError (e.g. Unhandled), null when the function succeeded
 * @param response the start of the response payload (at most 200 characters), for the report
 */
public record SmokeTestResult(String function, int statusCode, String functionError, String response) {
  public boolean passed() {
    return functionError == null && statusCode >= 200 && statusCode < 300;
  }
}
