package com.avesa.cutover.workflows.smoke;

import com.avesa.cutover.workflows.ActivityRetries;
import com.avesa.cutover.workflows.FailureMessages;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.config.SmokeTest;
import com.avesa.cutover.workflows.cutover.CutoverActivities;
import com.avesa.cutover.workflows.cutover.SmokeTestRequest;
import com.avesa.cutover.workflows.cutover.SmokeTestResult;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.run.PhaseOutcome;
import com.avesa.cutover.workflows.runbook.PhaseInput;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import com.avesa.cutover.workflows.runbook.PhaseProgress;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.VersioningBehavior;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowVersioningBehavior;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.avesa.cutover.workflows.run.WorkflowClock.now;

/**
 * Invokes every smoke test in turn (all of them, also after one failed, so the report names every
 * broken function), then fails the run with its report when any did not pass.
 */
public class SmokeTestWorkflowImpl implements SmokeTestWorkflow {
  /** What the runbook sends each function when no smoke test names a payload. */
  static final String TEST_PAYLOAD = "{\"test\":true}";

  // A function may run for up to 15 minutes; an invocation that fails to return is tried three
  // times in all, since invoking a smoke test again is harmless but slow. The activity heartbeats
  // while the function runs: a lost worker is noticed within a minute.
  private final CutoverActivities functions = Workflow.newActivityStub(CutoverActivities.class,
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(16))
          .setHeartbeatTimeout(Duration.ofMinutes(1))
          .setRetryOptions(ActivityRetries.transientErrors(Duration.ofSeconds(30), 3))
          .build());

  private final List<SmokeTestResult> results = new ArrayList<>();
  private final List<PhaseItem> unchanged = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private String workflowId;
  private String configName;
  private String phase = "STARTED";
  private PhaseOutcome outcome = PhaseOutcome.RUNNING;
  private Instant started;

  @Override
  @WorkflowVersioningBehavior(VersioningBehavior.AUTO_UPGRADE)
  public SmokeTestReport test(PhaseInput input) {
    workflowId = Workflow.getInfo().getWorkflowId();
    configName = input.config().name();
    started = now();
    List<SmokeTest> tests = testsOf(input.config());
    if (tests.isEmpty()) {
      unchanged.add(new PhaseItem("smoke tests", "none configured"));
      return finish(PhaseOutcome.SUCCEEDED);
    }
    for (int i = 0; i < tests.size(); i++) {
      SmokeTest test = tests.get(i);
      at("INVOKING " + test.function() + " (" + (i + 1) + " of " + tests.size() + ")");
      invoke(input.config(), test);
    }
    if (!problems.isEmpty()) {
      SmokeTestReport report = finish(PhaseOutcome.FAILED);
      throw ApplicationFailure.newNonRetryableFailure("smoke tests failed: " + problems.size() + " of " + tests.size()
          + "; first: " + problems.get(0), FailureType.VERIFICATION_FAILED.type(), report);
    }
    return finish(PhaseOutcome.SUCCEEDED);
  }

  @Override
  public PhaseProgress progress() {
    return new PhaseProgress(workflowId, phase, outcome, null, 0, null, List.of(), List.of(),
        List.copyOf(unchanged), List.copyOf(problems));
  }

  /** The cutover's smoke tests; without any, each infrastructure function with the runbook's test payload. */
  static List<SmokeTest> testsOf(MigrationConfig config) {
    if (config.cutover() != null && !config.cutover().smokeTests().isEmpty()) {
      return config.cutover().smokeTests();
    }
    return config.runbook().infrastructure().functions().stream().map(f -> new SmokeTest(f, TEST_PAYLOAD)).toList();
  }

  private void invoke(MigrationConfig config, SmokeTest test) {
    SmokeTestResult result;
    try {
      result = functions.invokeFunction(new SmokeTestRequest(config.estate(), Side.TARGET, test.function(), test.payload()));
    } catch (ActivityFailure failure) {
      problems.add("lambda function " + test.function() + ": " + messageOf(failure));
      return;
    }
    results.add(result);
    if (result.passed()) {
      unchanged.add(new PhaseItem("lambda function " + test.function(), "passed (status " + result.statusCode() + ")"));
    } else {
      problems.add("lambda function " + test.function() + " failed: status " + result.statusCode()
          + (result.functionError() == null ? "" : ", FunctionError " + result.functionError())
          + (result.response() == null || result.response().isEmpty() ? "" : ", response " + result.response()));
    }
  }

  private SmokeTestReport finish(PhaseOutcome finalOutcome) {
    outcome = finalOutcome;
    at("DONE");
    return new SmokeTestReport(workflowId, outcome, List.copyOf(results), List.of(), List.copyOf(unchanged),
        List.copyOf(problems), started, now());
  }

  private void at(String phase) {
    this.phase = phase;
    StringBuilder md = new StringBuilder("**Smoke tests ").append(configName).append("** — ").append(phase)
        .append(outcome == PhaseOutcome.RUNNING ? "" : " (" + outcome + ")").append("\n\n")
        .append("passed ").append(unchanged.size()).append(" · failed ").append(problems.size()).append('\n');
    problems.forEach(p -> md.append("\n- ").append(p));
    Workflow.setCurrentDetails(md.toString());
  }

  private static String messageOf(ActivityFailure failure) {
    return FailureMessages.describe(failure);
  }
}
