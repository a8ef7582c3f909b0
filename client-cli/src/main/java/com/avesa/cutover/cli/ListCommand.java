package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.run.RunKind;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code avesa list}: the open and most recent runs of one kind. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List open and recent runs of one kind (default: data migrations): id, run id, state, "
        + "start and close time.",
    footer = {"", "Example:", "  avesa list --limit 10 --json", "  avesa list --kind cutover",
        "  avesa list --kind cutover --config avesa-prod --gate cutover"})
final class ListCommand extends AvesaCommand {

  /**
   * {@code --kind}'s words are {@link RunKind}'s, matched exactly (case-sensitive) and refused in the
   * words picocli used for the enum they replace.
   */
  static final class KindWord implements ITypeConverter<RunKind> {
    @Override
    public RunKind convert(String value) {
      return Arrays.stream(RunKind.values()).filter(kind -> kind.word().equals(value)).findFirst()
          .orElseThrow(() -> new TypeConversionException(
              "expected one of " + new KindWords().words() + " (case-sensitive) but was '" + value + "'"));
    }
  }

  /** The words {@code --kind} takes, for completion. */
  static final class KindWords implements Iterable<String> {
    List<String> words() {
      return Arrays.stream(RunKind.values()).map(RunKind::word).toList();
    }

    @Override
    public Iterator<String> iterator() {
      return words().iterator();
    }
  }

  @Mixin OutputOptions output;

  @Option(names = "--kind", paramLabel = "KIND", defaultValue = "migration", converter = KindWord.class,
      completionCandidates = KindWords.class,
      description = "migration, cutover, rollback, sync (the periodic final syncs), isolate, account, infra, smoke, "
          + "validate or decommission; default: ${DEFAULT-VALUE}.")
  RunKind kind;

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
          .list(new RunQuery(kind.workflowType(), configName, phase, outcome, gate), limit);
      if (output.json()) {
        output.format().printAll(runs, out());
      } else {
        print(runs, kind.workflowType(), out());
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
