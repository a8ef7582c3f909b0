package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.config.DurationLimits;
import com.avesa.cutover.workflows.cutover.Approval;
import com.avesa.cutover.workflows.cutover.Gates;
import com.avesa.cutover.workflows.runbook.Phases;
import java.time.Duration;
import java.time.format.DateTimeParseException;
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

  @Option(names = "--wait-gate", paramLabel = "DURATION", defaultValue = "PT2M",
      description = "Wait up to this ISO-8601 duration for the gate to be pending (default: ${DEFAULT-VALUE}; "
          + "PT0S: do not wait). Gives up at once when the run is past the gate.")
  String waitGate;

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
    Duration wait = duration("--wait-gate", waitGate);
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

  /** A non-negative ISO-8601 duration of at most {@link DurationLimits#CLI}; exit 2 naming {@code option} otherwise. */
  static Duration duration(String option, String value) {
    try {
      Duration duration = Duration.parse(value);
      if (duration.compareTo(DurationLimits.CLI) > 0) {
        throw tooLong(option, value);
      }
      if (!duration.isNegative()) {
        return duration;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw new CliException(ExitCodes.USAGE, option + ": '" + value
        + "' is not a non-negative ISO-8601 duration such as PT2M or PT30S");
  }

  /** Exit 2: {@code value} of {@code option} is longer than {@link DurationLimits#CLI}. */
  static CliException tooLong(String option, Object value) {
    return new CliException(ExitCodes.USAGE, option + ": '" + value + "' is longer than "
        + DurationLimits.describe(DurationLimits.CLI) + ", the longest allowed");
  }
}
