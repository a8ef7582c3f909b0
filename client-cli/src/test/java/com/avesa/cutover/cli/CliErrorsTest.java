package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.cli.CliHarness.Run;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CliErrorsTest {
  @RegisterExtension static final CliHarness TEMPORAL = new CliHarness();

  @Test
  void aBadConfigPrintsOneLinePerProblemExitsTwoAndStartsNothing() {
    Path config = TEMPORAL.write("bad.yaml", """
        name: bad-config
        region: us-east-1
        source: { accountId: "111111111111" }
        target: { accountId: "222222222222", roleArn: "arn:aws:iam::222222222222:role/R" }
        data: { bukets: [] , tables: [ { source: TenantServices-prod, target: TenantServices } ] }
        """);

    Run run = TEMPORAL.avesa("migrate", "-c", config.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines()).containsExactly(
        config + ": target.externalId: required when target.roleArn is set "
            + "(the ExternalId the role's trust policy requires)",
        config + ": data.bukets: unknown key (known: buckets, tables, secrets, concurrency, copyMode, tableSegments, "
            + "multipartThreshold, deleteExtras, protect, verify, verifySample, partitions)");
    assertThat(run.out()).isEmpty();
    assertThat(TEMPORAL.exists("bad-config-copy")).isFalse();
  }

  @Test
  void aDurationBeyondItsLimitIsOneLineAndExitTwoAndStartsNothing() throws IOException {
    // PT9223372036854775807S is the longest Duration: adding the rollback budget to it overflowed.
    Path config = TEMPORAL.write("huge-monitor.yaml", Files.readString(TEMPORAL.config("huge-monitor")) + """
        cutover:
          monitorFor: PT9223372036854775807S
          sourceRules: [ingest-prod]
          monitor: { none: true }
        """);

    Run run = TEMPORAL.avesa("cutover", "-c", config.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines()).containsExactly(config + ": cutover.monitorFor: 'PT9223372036854775807S' is longer "
        + "than P31D, the longest allowed (e.g. PT2H)");
    assertThat(run.out()).isEmpty();
    assertThat(TEMPORAL.exists("huge-monitor-cutover")).isFalse();
  }

  @Test
  void aWaitOrIntervalBeyondTheLimitIsOneLineAndExitTwo() {
    Run approve = TEMPORAL.avesa("approve", "some-cutover", "--gate", "cutover", "--reason", "CAB-1",
        "--wait-gate", "P1000D");
    Run schedule = TEMPORAL.avesa("sync", "schedule", "-c", TEMPORAL.config("huge-every").toString(),
        "--every", "P1000D");

    assertThat(approve.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(approve.err().lines()).containsExactly("--wait-gate: 1000d is longer than 400d, the longest allowed");
    assertThat(schedule.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(schedule.err().lines()).containsExactly("--every: 1000d is longer than 400d, the longest allowed");
    assertThat(TEMPORAL.exists("huge-every-final-sync")).isFalse();
  }

  @Test
  void aMissingConfigFileExitsTwo() {
    Run run = TEMPORAL.avesa("plan", "-c", "/nonexistent/avesa.yaml");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().strip()).isEqualTo("/nonexistent/avesa.yaml: no such file");
  }

  @Test
  void anUnreachableServerExitsThreeWithHowToStartOne() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    Run run = CliHarness.avesaWithoutAddress(
        "plan", "-c", TEMPORAL.config("unreachable").toString(), "--address", "127.0.0.1:" + closedPort);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(run.err().lines()).singleElement().asString()
        .contains("127.0.0.1:" + closedPort)
        .contains("bin/avesa dev-server")
        .contains("bin/avesa-worker --dev");
  }

  @Test
  void aMissingRequiredOptionIsAUsageError() {
    Run run = CliHarness.avesaWithoutAddress("plan");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("Missing required option: '--config=FILE'");
  }

  @Test
  void everyCommandsHelpShowsAnExample() {
    for (String command : new String[] {
        "plan", "migrate", "sync", "cutover", "approve", "reject", "rollback", "status", "result", "list",
        "dev-server", "demo", "completion"}) {
      Run run = CliHarness.avesaWithoutAddress(command, "--help");

      assertThat(run.exitCode()).as(command).isZero();
      assertThat(run.out()).as(command).containsPattern("Examples?:").contains("avesa " + command);
    }
  }

  @Test
  void devServerOnAPortInUseExitsTwoWithOneLine() throws IOException {
    try (ServerSocket busy = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      Run run = CliHarness.avesaWithoutAddress("dev-server", "--port", String.valueOf(busy.getLocalPort()));

      assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(run.err().lines()).singleElement().asString()
          .contains("127.0.0.1:" + busy.getLocalPort()).contains("--port");
    }
  }
}
