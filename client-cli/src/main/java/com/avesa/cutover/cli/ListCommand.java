package com.avesa.cutover.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code avesa list}: the open and most recent runs of one kind. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List open and recent runs of one kind (default: data migrations): id, run id, state, "
        + "start and close time.",
    footer = {"", "Example:", "  avesa list --limit 10 --json", "  avesa list --kind cutover",
        "  avesa list --kind cutover --config avesa-prod --gate cutover"})
final class ListCommand extends AvesaCommand {

  /** The kinds of run, by the workflow type each lists. */
  enum Kind {
    migration("DataMigrationWorkflow"),
    cutover("CutoverWorkflow"),
    rollback("RollbackWorkflow"),
    sync("FinalSyncWorkflow"),
    isolate(PhaseRuns.ISOLATE.type()),
    account(PhaseRuns.ACCOUNT_SETUP.type()),
    infra(PhaseRuns.INFRASTRUCTURE.type()),
    smoke(PhaseRuns.SMOKE_TEST.type()),
    validate(PhaseRuns.VALIDATE.type()),
    decommission(PhaseRuns.DECOMMISSION.type());

    final String workflowType;

    Kind(String workflowType) {
      this.workflowType = workflowType;
    }
  }

  @Mixin OutputOptions output;

  @Option(names = "--kind", paramLabel = "KIND", defaultValue = "migration",
      description = "migration, cutover, rollback, sync (the periodic final syncs), isolate, account, infra, smoke, "
          + "validate or decommission; default: ${DEFAULT-VALUE}.")
  Kind kind;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
      description = "At most N runs, open ones first (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--config", paramLabel = "NAME", description = "Only runs of this config (search attribute AvesaConfig).")
  String configName;

  @Option(names = "--phase", paramLabel = "PHASE", description = "Only runs in this phase (AvesaPhase), e.g. MONITORING.")
  String phase;

  @Option(names = "--outcome", paramLabel = "OUTCOME", description = "Only runs with this outcome (AvesaOutcome), e.g. RUNNING, CUT_OVER.")
  String outcome;

  @Option(names = "--gate", paramLabel = "GATE", description = "Only runs waiting at this gate (AvesaPendingGate).")
  String gate;

  @Mixin TemporalOptions temporal;

  @Override
  protected int execute() {
    if (limit < 1) {
      throw new CliException(ExitCodes.USAGE, "--limit must be at least 1, not " + limit);
    }
    try (TemporalConnection connection = temporal.connect()) {
      List<RunSummary> runs = new RunLister(connection)
          .list(new RunQuery(kind.workflowType, configName, phase, outcome, gate), limit);
      if (output.json()) {
        output.format().printAll(runs, out());
      } else {
        print(runs, kind.workflowType, out());
      }
      return ExitCodes.OK;
    }
  }

  private static void print(List<RunSummary> runs, String workflowType, PrintWriter out) {
    if (runs.isEmpty()) {
      out.println("no " + workflowType + " runs");
      return;
    }
    int idWidth = Math.max("WORKFLOW ID".length(),
        runs.stream().mapToInt(run -> run.workflowId().length()).max().orElse(0));
    String row = "%-" + idWidth + "s  %-36s  %-16s  %-20s  %s%n";
    out.printf(row, "WORKFLOW ID", "RUN ID", "STATUS", "STARTED", "CLOSED");
    for (RunSummary run : runs) {
      out.printf(row, run.workflowId(), run.runId(), run.status(), time(run.startTime()), time(run.closeTime()));
    }
  }

  private static String time(Instant instant) {
    return instant == null ? "-" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
