package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.RunSearchAttributes;
import io.grpc.StatusRuntimeException;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesResponse;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether a namespace has the run search attributes ({@link RunSearchAttributes#REQUIRED}), asked
 * with {@code ListSearchAttributes} on the connection's own target, TLS and API key. A run may
 * carry (and upsert) them only then: an attribute the server does not know fails the run's workflow
 * task.
 */
final class NamespaceSearchAttributes {
  static final Duration DEADLINE = Duration.ofSeconds(5);

  private NamespaceSearchAttributes() {}

  /** Why runs in {@code namespace} cannot carry the attributes, or empty when they can. */
  static Optional<String> missing(WorkflowServiceStubs stubs, String namespace) {
    OperatorServiceStubs operator = OperatorServiceStubs.newServiceStubs(
        OperatorServiceStubsOptions.newBuilder(stubs.getOptions()).validateAndBuildWithDefaults());
    try {
      ListSearchAttributesResponse listed = operator.blockingStub()
          .withDeadlineAfter(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
          .listSearchAttributes(ListSearchAttributesRequest.newBuilder().setNamespace(namespace).build());
      return missing(namespace, listed);
    } catch (StatusRuntimeException e) {
      return Optional.of("cannot list the search attributes of namespace " + namespace + " ("
          + e.getStatus().getCode() + ")");
    } finally {
      operator.shutdownNow();
    }
  }

  /** Which of the attributes {@code listed} lacks (or has with another type), as one phrase. */
  static Optional<String> missing(String namespace, ListSearchAttributesResponse listed) {
    List<String> lacking = RunSearchAttributes.REQUIRED.entrySet().stream()
        .filter(required -> listed.getCustomAttributesMap().get(required.getKey()) != required.getValue())
        .map(required -> required.getKey())
        .toList();
    return lacking.isEmpty() ? Optional.empty()
        : Optional.of("namespace " + namespace + " has no Keyword search attribute " + String.join(", ", lacking));
  }

  /** The one warning line a starter prints when runs start without the attributes. */
  static String warning(String why) {
    return "avesa: warning: " + why + ": runs start without search attributes, so they cannot be listed by"
        + " config, phase, outcome or gate (register them: see README, Search attributes)";
  }
}
