package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.approval.ApprovalProof;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.gate.Approval;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import java.util.List;
import java.util.Optional;

/**
 * Signs what a run under {@code approvals.identity: aws-iam} needs signed: a start (with the
 * config about to be started) or a decision (with the config the run was started with, read from
 * its first history event: its identity setting, region and endpoint). Runs under declared
 * identity, and runs from before it existed, get nothing signed.
 */
final class RunSigning {
  private final ApprovalSigner signer;

  RunSigning(ApprovalSigner signer) {
    this.signer = signer;
  }

  /** The start proof of {@code workflowId} for {@code config}; null when its approvals are not aws-iam. */
  String startProof(MigrationConfig config, String workflowId) {
    if (config.approvals() == null || !config.approvals().awsIam()) {
      return null;
    }
    return signer.sign(ApprovalProof.stsUrl(config.endpoint(), config.region()), config.region(),
        ApprovalProof.startDigest(workflowId, config.name()));
  }

  /**
   * {@code decision} (of {@code holder}, the run whose gate it decides) with its proof when that
   * run's approvals are aws-iam; else {@code decision} as it is.
   *
   * @param kind {@link ApprovalProof#APPROVE} or {@link ApprovalProof#REJECT}
   */
  Approval sign(TemporalConnection connection, String holder, Approval decision, String kind) {
    Optional<MigrationConfig> config = startedConfig(connection, holder);
    if (config.isEmpty() || config.get().approvals() == null || !config.get().approvals().awsIam()) {
      return decision;
    }
    String region = config.get().region();
    String endpoint = config.get().endpoint();
    String digest = ApprovalProof.digest(holder, decision.gate(), kind, decision.reason(), decision.windowStart());
    return new Approval(decision.gate(), decision.approver(), decision.reason(), decision.windowStart(),
        signer.sign(ApprovalProof.stsUrl(endpoint, region), region, digest));
  }

  /** The {@code config} of the run's input, read from its first history event through the client's data converter. */
  static Optional<MigrationConfig> startedConfig(TemporalConnection connection, String workflowId) {
    GetWorkflowExecutionHistoryRequest request = GetWorkflowExecutionHistoryRequest.newBuilder()
        .setNamespace(connection.namespace())
        .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId).build())
        .setMaximumPageSize(1)
        .build();
    List<HistoryEvent> events = connection.stubs().blockingStub().getWorkflowExecutionHistory(request)
        .getHistory().getEventsList();
    if (events.isEmpty() || !events.get(0).hasWorkflowExecutionStartedEventAttributes()) {
      return Optional.empty();
    }
    Payloads input = events.get(0).getWorkflowExecutionStartedEventAttributes().getInput();
    if (input.getPayloadsCount() == 0) {
      return Optional.empty();
    }
    StartedRun first = connection.client().getOptions().getDataConverter()
        .fromPayloads(0, Optional.of(input), StartedRun.class, StartedRun.class);
    return first == null ? Optional.empty() : Optional.ofNullable(first.config());
  }

  /** What every gated run's input starts with (CutoverInput, PhaseInput, IsolationInput...): the config it was started with. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record StartedRun(MigrationConfig config) {}
}
