package com.avesa.cutover.activities.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.avesa.cutover.activities.testing.OneAttempt;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.infra.DeployRequest;
import com.avesa.cutover.workflows.infra.DeployResult;
import com.avesa.cutover.workflows.infra.InfrastructureActivities;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The deploy command as a real child process, run through Temporal's activity test environment. */
@Timeout(60)
class DeployCommandTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @TempDir Path workerDir;

  private final List<String> heartbeats = new CopyOnWriteArrayList<>();
  private TestActivityEnvironment env;
  private InfrastructureActivities activities;

  @BeforeEach
  void startEnvironment() {
    env = TestActivityEnvironment.newInstance();
    // AWS is not used by the deploy command.
    env.registerActivitiesImplementations(new InfrastructureActivitiesImpl(null, workerDir, Duration.ofMillis(100)));
    env.setActivityHeartbeatListener(String.class, heartbeats::add);
    activities = env.newActivityStub(InfrastructureActivities.class, OneAttempt.heartbeating(Duration.ofSeconds(2)));
  }

  @AfterEach
  void closeEnvironment() {
    env.close();
  }

  @Test
  void theCommandLearnsTheRunsAccountsFromItsEnvironment() {
    DeployResult result = activities.runDeployCommand(new DeployRequest(
        List.of("sh", "-c", "echo target=$AVESA_TARGET_ACCOUNT_ID region=$AVESA_REGION"), null, MINUTE,
        Map.of("AVESA_TARGET_ACCOUNT_ID", "987654321098", "AVESA_REGION", "eu-west-1")));

    assertThat(result.exitCode()).isZero();
    assertThat(result.outputTail()).contains("target=987654321098 region=eu-west-1");
  }

  @Test
  void aSuccessfulCommandReturnsExitZeroAndItsMergedOutput() {
    DeployResult result = activities.runDeployCommand(
        new DeployRequest(List.of("sh", "-c", "echo synthesizing; echo 'warning: deprecated' >&2; echo done"), null, MINUTE));

    assertThat(result.exitCode()).isZero();
    assertThat(result.outputTail()).isEqualTo("synthesizing\nwarning: deprecated\ndone");
  }

  @Test
  void runsInItsWorkdirRelativeToTheWorkersDirectory() throws IOException {
    Path infrastructure = Files.createDirectory(workerDir.resolve("infrastructure"));

    DeployResult result = activities.runDeployCommand(new DeployRequest(List.of("pwd"), "infrastructure", MINUTE));

    assertThat(Path.of(result.outputTail()).toRealPath()).isEqualTo(infrastructure.toRealPath());
  }

  @Test
  void aNonZeroExitFailsNonRetryablyWithTheExitCodeAndTheTail() {
    ApplicationFailure failure = deployFails(List.of("sh", "-c", "echo hi; echo err >&2; exit 3"), null, MINUTE);

    assertThat(failure.getType()).isEqualTo(FailureType.BAD_CONFIG.type());
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage()).contains("sh -c echo hi; echo err >&2; exit 3").contains("exited with 3")
        .contains("last output: err");
    assertThat(failure.getDetails().get(DeployResult.class)).isEqualTo(new DeployResult(3, "hi\nerr"));
  }

  @Test
  void aProgramThatDoesNotExistIsAClearNonRetryableError() {
    ApplicationFailure failure = deployFails(List.of("avesa-no-such-cdk", "deploy"), null, MINUTE);

    assertThat(failure.getType()).isEqualTo(FailureType.BAD_CONFIG.type());
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage()).contains("avesa-no-such-cdk deploy cannot be started")
        .contains("install avesa-no-such-cdk on the worker's PATH");
  }

  @Test
  void aMissingWorkdirIsNamedWithWhereItWasLookedFor() {
    ApplicationFailure failure = deployFails(List.of("true"), "no-such-dir", MINUTE);

    assertThat(failure.getType()).isEqualTo(FailureType.BAD_CONFIG.type());
    assertThat(failure.getOriginalMessage()).contains(workerDir.resolve("no-such-dir").toString())
        .contains("infrastructure.deploy.workdir");
  }

  @Test
  void aCommandOutlivingItsTimeoutIsKilledAndItsTailKept() {
    long start = System.nanoTime();
    ApplicationFailure failure = deployFails(List.of("sh", "-c", "echo waiting for stack; sleep 30"), null,
        Duration.ofSeconds(1));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    assertThat(failure.getType()).isEqualTo(FailureType.BAD_CONFIG.type());
    assertThat(failure.getOriginalMessage()).contains("did not finish within PT1S and was killed")
        .contains("infrastructure.deploy.timeout");
    DeployResult result = failure.getDetails().get(DeployResult.class);
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.outputTail()).startsWith("waiting for stack");
  }

  @Test
  void aCancelledDeployKillsTheCommand() throws IOException {
    CompletableFuture<DeployResult> deploy = CompletableFuture.supplyAsync(() -> activities.runDeployCommand(
        new DeployRequest(List.of("sh", "-c", "echo $$ > deploy.pid; echo deploying; exec sleep 30"), null, MINUTE)));
    await().atMost(Duration.ofSeconds(10)).until(() -> heartbeats.contains("deploying"));
    long pid = Long.parseLong(Files.readString(workerDir.resolve("deploy.pid")).trim());

    env.requestCancelActivity();

    assertThatThrownBy(deploy::join).hasRootCauseInstanceOf(CanceledFailure.class);
    assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("the deploy process").isEmpty();
  }

  @Test
  void heartbeatsTheLastOutputLineWhileItRuns() {
    activities.runDeployCommand(
        new DeployRequest(List.of("sh", "-c", "echo 'AVESADataPipeline-prod: deploying'; sleep 1; echo done"), null, MINUTE));

    assertThat(heartbeats).contains("AVESADataPipeline-prod: deploying");
  }

  @Test
  void keepsOnlyTheLast50Lines() {
    DeployResult result = activities.runDeployCommand(new DeployRequest(List.of("seq", "1", "200"), null, MINUTE));

    assertThat(result.outputTail().lines()).hasSize(DeployRun.TAIL_LINES).first().isEqualTo("151");
    assertThat(result.outputTail()).endsWith("\n200");
  }

  private ApplicationFailure deployFails(List<String> command, String workdir, Duration timeout) {
    ActivityFailure failure = catchThrowableOfType(ActivityFailure.class,
        () -> activities.runDeployCommand(new DeployRequest(command, workdir, timeout)));
    assertThat(failure).as("the deploy should have failed").isNotNull();
    assertThat(failure.getCause()).isInstanceOf(ApplicationFailure.class);
    return (ApplicationFailure) failure.getCause();
  }
}
