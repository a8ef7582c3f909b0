package com.avesa.cutover.activities.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.activities.testing.OneAttempt;
import com.avesa.cutover.activities.testing.TestEstates;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.estate.AccountConfig;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.infra.DeployRequest;
import com.avesa.cutover.workflows.infra.DeployResult;
import com.avesa.cutover.workflows.infra.InfrastructureActivities;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Deploy commands the worker's operator allows, from a deploy.yaml each test writes, run as real
 * child processes through Temporal's activity test environment, as the target's deployment role
 * assumed on moto.
 */
@Timeout(90)
class DeployCommandTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();
  private static final Duration MINUTE = Duration.ofMinutes(1);
  /** The worker's own environment: secrets a deploy command must never see, and the two it gets. */
  private static final Map<String, String> WORKER_ENVIRONMENT = Map.of(
      "PATH", System.getenv("PATH"),
      "HOME", "/home/avesa-worker",
      "AVESA_CODEC_KEYS", "2026-12:c2VjcmV0LWNvZGVjLWtleS0zMi1ieXRlcy1sb25nLiE=",
      "AVESA_CODEC_KEY_FILE", "/etc/avesa/codec.keys",
      "TEMPORAL_API_KEY", "temporal-cloud-api-key",
      "AWS_ACCESS_KEY_ID", "AKIAWORKEROWNKEY0001",
      "AWS_SECRET_ACCESS_KEY", "worker-own-secret",
      "AWS_PROFILE", "worker",
      "LD_PRELOAD", "/tmp/not-for-the-deploy.so");
  private static final Map<String, String> RUN_NAMES = Map.of(
      "AVESA_CONFIG_NAME", "avesa-test",
      "AVESA_REGION", MotoExtension.REGION,
      "AVESA_SOURCE_ACCOUNT_ID", TestEstates.SOURCE_ACCOUNT,
      "AVESA_TARGET_ACCOUNT_ID", TestEstates.TARGET_ACCOUNT,
      "AVESA_TARGET_ROLE_ARN", "arn:aws:iam::" + TestEstates.TARGET_ACCOUNT + ":role/AVESADeploymentRole");

  @TempDir Path dir;

  private final List<String> heartbeats = new CopyOnWriteArrayList<>();
  private AwsClients clients;
  private Estate estate;
  private TestActivityEnvironment env;
  private InfrastructureActivities activities;

  @BeforeEach
  void openClients() {
    clients = new AwsClients();
    estate = TestEstates.crossAccount(MOTO.endpoint());
  }

  @AfterEach
  void close() {
    if (env != null) {
      env.close();
    }
    clients.close();
  }

  /** A worker whose AVESA_DEPLOY_COMMANDS file says {@code yaml}. */
  private void worker(String yaml) throws IOException {
    Path file = dir.resolve("deploy.yaml");
    Files.writeString(file, yaml);
    worker(DeployCommands.read(file));
  }

  private void worker(DeployCommands commands) {
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(
        new InfrastructureActivitiesImpl(clients, commands, WORKER_ENVIRONMENT, Duration.ofMillis(100)));
    env.setActivityHeartbeatListener(String.class, heartbeats::add);
    activities = env.newActivityStub(InfrastructureActivities.class, OneAttempt.heartbeating(Duration.ofSeconds(2)));
  }

  private DeployRequest named(String name) {
    return new DeployRequest(List.of(), null, null, RUN_NAMES, name, estate);
  }

  @Test
  void theCommandGetsOnlyTheDeploymentRolesSessionWhereToDeployTheRunsNamesPathAndHome() throws IOException {
    worker("print-env: { command: [env] }\n");

    DeployResult result = activities.runDeployCommand(named("print-env"));

    Map<String, String> seen = new TreeMap<>();
    result.outputTail().lines().map(line -> line.split("=", 2)).forEach(kv -> seen.put(kv[0], kv[1]));
    assertThat(seen.keySet()).containsExactlyInAnyOrder(
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_ENDPOINT_URL",
        "CDK_DEFAULT_ACCOUNT", "CDK_DEFAULT_REGION",
        "AVESA_CONFIG_NAME", "AVESA_REGION", "AVESA_SOURCE_ACCOUNT_ID", "AVESA_TARGET_ACCOUNT_ID", "AVESA_TARGET_ROLE_ARN",
        "PATH", "HOME");
    assertThat(seen).containsAllEntriesOf(RUN_NAMES)
        .containsEntry("CDK_DEFAULT_ACCOUNT", TestEstates.TARGET_ACCOUNT)
        .containsEntry("CDK_DEFAULT_REGION", MotoExtension.REGION)
        .containsEntry("AWS_REGION", MotoExtension.REGION)
        .containsEntry("AWS_ENDPOINT_URL", MOTO.endpoint())
        .containsEntry("PATH", System.getenv("PATH"))
        .containsEntry("HOME", "/home/avesa-worker");
    assertThat(seen.get("AWS_ACCESS_KEY_ID")).isNotEqualTo(WORKER_ENVIRONMENT.get("AWS_ACCESS_KEY_ID"))
        .isNotEqualTo(workerIdentityKey());
    assertThat(seen.values()).noneMatch(value -> WORKER_ENVIRONMENT.get("AVESA_CODEC_KEYS").equals(value)
        || value.contains("temporal-cloud-api-key") || value.contains("worker-own-secret"));

    GetCallerIdentityResponse deployIdentity = identityOf(seen);
    assertThat(deployIdentity.account()).isEqualTo(TestEstates.TARGET_ACCOUNT);
    assertThat(deployIdentity.arn()).isEqualTo("arn:aws:sts::" + TestEstates.TARGET_ACCOUNT
        + ":assumed-role/AVESADeploymentRole/" + DeployLauncher.SESSION_NAME);
    assertThat(clients.sts(estate, Side.SOURCE).getCallerIdentity().account())
        .as("the worker's own identity, which the command does not get").isEqualTo(TestEstates.SOURCE_ACCOUNT);
  }

  @Test
  void anArgvFromWorkflowInputIsRefusedAndNothingRuns() throws IOException {
    worker("cdk-deploy: { command: [touch, deployed] }\n");
    Path ran = dir.resolve("ran");

    ApplicationFailure failure = deployFails(new DeployRequest(List.of("touch", ran.toString()), null, MINUTE,
        RUN_NAMES));

    assertThat(failure.getType()).isEqualTo(FailureType.DEPLOY_NOT_ALLOWED.type());
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage()).doesNotContain("\n")
        .contains("argvs from workflow input are no longer run")
        .contains("AVESA_DEPLOY_COMMANDS").contains("infrastructure.deploy: <name>");
    assertThat(ran).doesNotExist();
    assertThat(dir.resolve("deployed")).as("not even the allowed command").doesNotExist();
  }

  @Test
  void anArgvBesideAnAllowedNameIsRefusedToo() throws IOException {
    worker("cdk-deploy: { command: [touch, deployed] }\n");

    ApplicationFailure failure = deployFails(new DeployRequest(List.of("touch", "ran"), null, MINUTE, RUN_NAMES,
        "cdk-deploy", estate));

    assertThat(failure.getType()).isEqualTo(FailureType.DEPLOY_NOT_ALLOWED.type());
    assertThat(dir.resolve("deployed")).doesNotExist();
  }

  @Test
  void aWorkdirOrTimeoutFromWorkflowInputIsRefusedToo() throws IOException {
    worker("cdk-deploy: { command: [touch, deployed] }\n");

    assertThat(deployFails(new DeployRequest(List.of(), "/tmp", null, RUN_NAMES, "cdk-deploy", estate)).getType())
        .isEqualTo(FailureType.DEPLOY_NOT_ALLOWED.type());
    assertThat(deployFails(new DeployRequest(List.of(), null, MINUTE, RUN_NAMES, "cdk-deploy", estate)).getType())
        .isEqualTo(FailureType.DEPLOY_NOT_ALLOWED.type());
    assertThat(dir.resolve("deployed")).doesNotExist();
  }

  @Test
  void aNameTheWorkerDoesNotAllowFailsInOneLineNamingWhatItAllows() throws IOException {
    worker("cdk-deploy: { command: [touch, deployed] }\ncdk-bootstrap: { command: [touch, bootstrapped] }\n");

    ApplicationFailure failure = deployFails(named("rm-everything"));

    assertThat(failure.getType()).isEqualTo(FailureType.DEPLOY_NOT_ALLOWED.type());
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage()).isEqualTo("deploy command 'rm-everything' is not allowed by this worker"
        + " (AVESA_DEPLOY_COMMANDS=" + dir.resolve("deploy.yaml") + " allows cdk-bootstrap, cdk-deploy); fix"
        + " infrastructure.deploy or ask the worker's operator to add it");
  }

  @Test
  void aWorkerWithoutADeployCommandsFileAllowsNone() {
    worker(DeployCommands.none());

    ApplicationFailure failure = deployFails(named("cdk-deploy"));

    assertThat(failure.getType()).isEqualTo(FailureType.DEPLOY_NOT_ALLOWED.type());
    assertThat(failure.getOriginalMessage()).isEqualTo("deploy command 'cdk-deploy' is not allowed by this worker"
        + " (it has no AVESA_DEPLOY_COMMANDS file, so it allows none); fix infrastructure.deploy or ask the worker's"
        + " operator to add it");
  }

  @Test
  void variablesOtherThanTheRunsNamesFromWorkflowInputAreRefused() throws IOException {
    worker("cdk-deploy: { command: [touch, deployed] }\n");
    Map<String, String> forged = new TreeMap<>(RUN_NAMES);
    forged.put("LD_PRELOAD", "/tmp/evil.so");

    ApplicationFailure failure = deployFails(new DeployRequest(List.of(), null, null, forged, "cdk-deploy", estate));

    assertThat(failure.getType()).isEqualTo(FailureType.DEPLOY_NOT_ALLOWED.type());
    assertThat(failure.getOriginalMessage()).startsWith("deploy refused: the request sets 1 environment variable(s)");
    assertThat(dir.resolve("deployed")).doesNotExist();
  }

  @Test
  void aTargetWithoutADeploymentRoleIsRefusedRatherThanLentTheWorkersCredentials() throws IOException {
    worker("cdk-deploy: { command: [touch, deployed] }\n");
    Estate withoutRole = new Estate(estate.region(), estate.endpoint(), estate.source(),
        new AccountConfig(TestEstates.TARGET_ACCOUNT, null, null, null));

    ApplicationFailure failure = deployFails(new DeployRequest(List.of(), null, null, RUN_NAMES, "cdk-deploy",
        withoutRole));

    assertThat(failure.getType()).isEqualTo(FailureType.BAD_CONFIG.type());
    assertThat(failure.getOriginalMessage()).contains("set target.roleArn and target.externalId");
    assertThat(dir.resolve("deployed")).doesNotExist();
  }

  @Test
  void aSuccessfulCommandReturnsExitZeroAndItsMergedOutput() throws IOException {
    worker("synth: { command: [sh, -c, \"echo synthesizing; echo 'warning: deprecated' >&2; echo done\"] }\n");

    DeployResult result = activities.runDeployCommand(named("synth"));

    assertThat(result.exitCode()).isZero();
    assertThat(result.outputTail()).isEqualTo("synthesizing\nwarning: deprecated\ndone");
  }

  @Test
  void runsInItsWorkdirRelativeToTheFilesDirectory() throws IOException {
    Path infrastructure = Files.createDirectory(dir.resolve("infrastructure"));
    worker("where: { command: [pwd], workdir: infrastructure }\n");

    DeployResult result = activities.runDeployCommand(named("where"));

    assertThat(Path.of(result.outputTail()).toRealPath()).isEqualTo(infrastructure.toRealPath());
  }

  @Test
  void aNonZeroExitFailsNonRetryablyWithTheExitCodeAndTheTail() throws IOException {
    worker("cdk-deploy: { command: [sh, -c, \"echo hi; echo err >&2; exit 3\"] }\n");

    ApplicationFailure failure = deployFails(named("cdk-deploy"));

    assertThat(failure.getType()).isEqualTo(FailureType.BAD_CONFIG.type());
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage()).contains("cdk-deploy (sh -c echo hi; echo err >&2; exit 3)")
        .contains("exited with 3").contains("last output: err");
    assertThat(failure.getDetails().get(DeployResult.class)).isEqualTo(new DeployResult(3, "hi\nerr"));
  }

  @Test
  void aProgramThatDoesNotExistIsAClearNonRetryableError() throws IOException {
    worker("cdk-deploy: { command: [avesa-no-such-cdk, deploy] }\n");

    ApplicationFailure failure = deployFails(named("cdk-deploy"));

    assertThat(failure.getType()).isEqualTo(FailureType.BAD_CONFIG.type());
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage()).contains("cdk-deploy (avesa-no-such-cdk deploy) cannot be started")
        .contains("install avesa-no-such-cdk on the worker's PATH or give its full path in AVESA_DEPLOY_COMMANDS=");
  }

  @Test
  void aCommandOutlivingItsTimeoutIsKilledAndItsTailKept() throws IOException {
    worker("slow: { command: [sh, -c, \"echo waiting for stack; sleep 30\"], timeout: PT1S }\n");
    long start = System.nanoTime();

    ApplicationFailure failure = deployFails(named("slow"));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    assertThat(failure.getType()).isEqualTo(FailureType.BAD_CONFIG.type());
    assertThat(failure.getOriginalMessage()).contains("did not finish within PT1S and was killed")
        .contains("raise its timeout in AVESA_DEPLOY_COMMANDS=");
    DeployResult result = failure.getDetails().get(DeployResult.class);
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.outputTail()).startsWith("waiting for stack");
  }

  @Test
  void aCancelledDeployKillsTheCommand() throws IOException {
    worker("cdk-deploy: { command: [sh, -c, \"echo $$ > deploy.pid; echo deploying; exec sleep 30\"] }\n");
    CompletableFuture<DeployResult> deploy = CompletableFuture.supplyAsync(() -> activities.runDeployCommand(
        named("cdk-deploy")));
    await().atMost(Duration.ofSeconds(20)).until(() -> heartbeats.contains("deploying"));
    long pid = Long.parseLong(Files.readString(dir.resolve("deploy.pid")).trim());

    env.requestCancelActivity();

    assertThatThrownBy(deploy::join).hasRootCauseInstanceOf(CanceledFailure.class);
    assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("the deploy process").isEmpty();
  }

  @Test
  void heartbeatsTheLastOutputLineWhileItRuns() throws IOException {
    worker("cdk-deploy: { command: [sh, -c, \"echo 'AVESADataPipeline-prod: deploying'; sleep 1; echo done\"] }\n");

    activities.runDeployCommand(named("cdk-deploy"));

    assertThat(heartbeats).contains("AVESADataPipeline-prod: deploying");
  }

  @Test
  void keepsOnlyTheLast50Lines() throws IOException {
    worker("count: { command: [seq, \"1\", \"200\"] }\n");

    DeployResult result = activities.runDeployCommand(named("count"));

    assertThat(result.outputTail().lines()).hasSize(DeployRun.TAIL_LINES).first().isEqualTo("151");
    assertThat(result.outputTail()).endsWith("\n200");
  }

  /** The access key the worker's own (source) clients sign with. */
  private String workerIdentityKey() {
    return clients.credentials(estate, Side.SOURCE).resolveCredentials().accessKeyId();
  }

  /** Who moto says the deploy's credentials are. */
  private GetCallerIdentityResponse identityOf(Map<String, String> seen) {
    try (StsClient sts = StsClient.builder().region(Region.of(MotoExtension.REGION))
        .endpointOverride(URI.create(MOTO.endpoint()))
        .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
            seen.get("AWS_ACCESS_KEY_ID"), seen.get("AWS_SECRET_ACCESS_KEY"), seen.get("AWS_SESSION_TOKEN"))))
        .build()) {
      return sts.getCallerIdentity();
    }
  }

  private ApplicationFailure deployFails(DeployRequest request) {
    ActivityFailure failure = catchThrowableOfType(ActivityFailure.class, () -> activities.runDeployCommand(request));
    assertThat(failure).as("the deploy should have failed").isNotNull();
    assertThat(failure.getCause()).isInstanceOf(ApplicationFailure.class);
    return (ApplicationFailure) failure.getCause();
  }
}
