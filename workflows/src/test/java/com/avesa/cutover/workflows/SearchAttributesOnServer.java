package com.avesa.cutover.workflows;

import io.temporal.testing.TestWorkflowEnvironment;

/** Registers the run search attributes on a test server, as an operator does on a real namespace. */
public final class SearchAttributesOnServer {
  private SearchAttributesOnServer() {}

  public static void register(TestWorkflowEnvironment env) {
    RunSearchAttributes.REQUIRED.forEach((name, type) -> {
      if (!env.registerSearchAttribute(name, type)) {
        throw new IllegalStateException("the test server refused search attribute " + name);
      }
    });
  }
}
