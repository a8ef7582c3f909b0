package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.config.DurationLimits;
import com.avesa.cutover.workflows.cutover.Gates;
import com.avesa.cutover.workflows.gate.Approval;
import com.avesa.cutover.workflows.runbook.Phases;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What {@code approve} and {@code reject} share: check the options before connecting, wait until
 * the gate is pending, then send the decision as an update whose validator may refuse it.
 */
abstract class GateCommand extends AvesaCommand {
  @Parameters(index = "0", paramLabel = "ID", description = "The run's workflow id: a cutover (avesa-prod-cutover), "
      + "a decommission (avesa-prod-decommission) or an isolation (avesa-prod-isolate; its cutover and "
      + "decommission gates are found in the child run that holds them).")
  String workflowId;

  @Option(names = "--gate", required = true, paramLabel = "GATE", completionCandidates = GateNames.class,
      description = "The gate: execute (isolation: start copying), cutover, signOff, validation (isolation: "
          + "go on to the decommission despite the validation's findings), decommission.")
  String gate;

  @Option(names = "--reason", required = true, paramLabel = "TEXT",
      description = "Why: a change ticket, a finding; required.")
  String reason;

  @Option(names = "--wait-gate", paramLabel = "DURATION", defaultValue = "2m", converter = Durations.Converter.class,
      description = "Wait up to this long for the gate to be pending: 90s, 2m, 1h30m, 1d or ISO-8601 "
          + "(default: ${DEFAULT-VALUE}; 0s: do not wait). Gives up at once when the run is past the gate.")
  Duration waitGate;

  @Mixin OutputOptions output;

  @Mixin TemporalOptions temporal;

  @Mixin SigningOptions signing;

  static final List<String> GATES = List.of(Phases.EXECUTE_GATE, Gates.CUTOVER, Gates.SIGN_OFF,
      Phases.VALIDATION_GATE, Phases.DECOMMISSION_GATE);

  /** The gate names, for completion. */
  static final class GateNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return GATES.iterator();
    }
  }

  /** Checks this command's own options before anything is sent; throws exit 2. */
  protected abstract void checkOptions();

  /** Sends the decision {@code approval} to {@code holder}, the run whose gate is pending, and prints the outcome. */
  protected abstract void decide(CutoverControl control, String holder, Approval approval);

  /** What the decision's proof signs: {@code ApprovalProof.APPROVE} or {@code REJECT}. */
  protected abstract String decisionKind();

  @Override
  protected final int execute() throws InterruptedException {
    if (!GATES.contains(gate)) {
      throw new CliException(ExitCodes.USAGE, "--gate: '" + gate + "' is not a gate (" + String.join(", ", GATES) + ")");
    }
    requireText("--reason", reason);
    Duration wait = atMostCliLimit("--wait-gate", waitGate);
    checkOptions();
    try (TemporalConnection connection = temporal.connect()) {
      CutoverControl control = new CutoverControl(connection);
      control.requireRunningGated(workflowId, "there is no gate to decide");
      GateView holder = control.awaitPendingGate(workflowId, gate, wait);
      Approval decision = new Approval(gate, connection.identity(), reason.strip(), windowStart());
      decide(control, holder.workflowId(), new RunSigning(new ApprovalSigner(signing))
          .sign(connection, holder.workflowId(), decision, decisionKind()));
      return ExitCodes.OK;
    }
  }

  /** Prints the accepted decision: {@code line} as a table, {@code decision} as JSON. */
  protected void printDecision(String line, GateDecision decision) {
    out().println(output.json() ? output.format().render(decision) : line);
  }

  /** The window start the approval carries, already checked; null for none. */
  protected String windowStart() {
    return null;
  }

  /** Exit 2 naming {@code option} when {@code value} is blank. */
  static void requireText(String option, String value) {
    if (value == null || value.isBlank()) {
      throw new CliException(ExitCodes.USAGE, option + " must not be blank: say why (a change ticket, a finding)");
    }
  }

  /** {@code duration} when it is at most {@link DurationLimits#CLI}; exit 2 naming {@code option} otherwise. */
  static Duration atMostCliLimit(String option, Duration duration) {
    if (duration.compareTo(DurationLimits.CLI) > 0) {
      throw new CliException(ExitCodes.USAGE, option + ": " + Durations.format(duration) + " is longer than "
          + Durations.format(DurationLimits.CLI) + ", the longest allowed");
    }
    return duration;
  }
}
