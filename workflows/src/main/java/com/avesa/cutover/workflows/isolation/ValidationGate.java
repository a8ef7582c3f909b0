package com.avesa.cutover.workflows.isolation;

import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.validation.ValidationReport;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.ChildWorkflowFailure;
import java.util.List;

/**
 * The validate phase as the {@code validation} gate shows it: the findings of a validation that
 * failed on them, and the phase's record while it waits, once accepted, or once refused.
 */
final class ValidationGate {
  private ValidationGate() {}

  /**
   * The report of a validation that failed on findings (its VERIFICATION_FAILED with problems);
   * null when it failed otherwise (an error reading the target, a bad config, no report).
   */
  static ValidationReport findings(ChildWorkflowFailure failure) {
    if (!(failure.getCause() instanceof ApplicationFailure app)
        || !FailureType.VERIFICATION_FAILED.type().equals(app.getType())) {
      return null;
    }
    ValidationReport report = ChildFailures.report(failure, ValidationReport.class);
    return report == null || report.problems() == null || report.problems().isEmpty() ? null : report;
  }

  /** Waiting for a decision: the validation's counts, and what the gate asks. */
  static PhaseResult waiting(ValidationReport found) {
    return with(found, PhaseRecord.Status.RUNNING, count(found) + ": approve gate validation to go on to the"
        + " decommission (it archives this data with the rest), reject to stop");
  }

  /** Approved by {@code approvers}: the phase succeeded with its findings accepted. */
  static PhaseResult accepted(ValidationReport found, String approvers) {
    return with(found, PhaseRecord.Status.SUCCEEDED, count(found) + " accepted at gate validation by " + approvers);
  }

  /** Rejected or expired: {@code why}. */
  static PhaseResult ended(ValidationReport found, PhaseRecord.Status status, String why) {
    return with(found, status, count(found) + "; " + why);
  }

  private static PhaseResult with(ValidationReport found, PhaseRecord.Status status, String summary) {
    PhaseResult read = PhaseResults.validation(found);
    return new PhaseResult(status, read.counts(), read.changed(), read.unchanged(), List.of(),
        read.summary() + "; " + summary, List.of(), List.of());
  }

  private static String count(ValidationReport found) {
    return found.problems().size() + " finding(s)";
  }
}
