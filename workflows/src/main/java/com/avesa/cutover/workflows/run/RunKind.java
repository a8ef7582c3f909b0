package com.avesa.cutover.workflows.run;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every kind of run this service starts, declared once: the word the CLI takes for it
 * ({@code avesa list --kind}) and its workflow type, the simple name of its workflow interface as
 * Temporal registers it. The names are strings, not class references, so this package depends on
 * no workflow package (every one of them may depend on it); {@code RunKindTest} holds each to its
 * interface.
 */
public enum RunKind {
  MIGRATION("migration", "DataMigrationWorkflow"),
  CUTOVER("cutover", "CutoverWorkflow"),
  ROLLBACK("rollback", "RollbackWorkflow"),
  SYNC("sync", "FinalSyncWorkflow"),
  ISOLATE("isolate", "ProductionIsolationWorkflow"),
  ACCOUNT("account", "AccountSetupWorkflow"),
  INFRA("infra", "InfrastructureWorkflow"),
  SMOKE("smoke", "SmokeTestWorkflow"),
  VALIDATE("validate", "PostCutoverValidationWorkflow"),
  DECOMMISSION("decommission", "DecommissionWorkflow");

  private final String word;
  private final String workflowType;

  RunKind(String word, String workflowType) {
    this.word = word;
    this.workflowType = workflowType;
  }

  /** The CLI's word for this kind ({@code migration}, {@code cutover}, ...). */
  public String word() {
    return word;
  }

  /** The Temporal workflow type of this kind's runs. */
  public String workflowType() {
    return workflowType;
  }

  /** The kind whose workflow type is {@code type}, if any. */
  public static Optional<RunKind> ofWorkflowType(String type) {
    return Arrays.stream(values()).filter(k -> k.workflowType.equals(type)).findFirst();
  }

  /** The kind the CLI calls {@code word} (case-insensitive), if any. */
  public static Optional<RunKind> ofWord(String word) {
    String w = word == null ? "" : word.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(k -> k.word.equals(w)).findFirst();
  }
}
