package com.avesa.cutover.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.runtime.dev.DevServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerMainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Map<String, String> env = new HashMap<>(Map.of("METRICS_PORT", "0"));

  @Test
  void unreachableTemporalExitsWithThreeAndSaysHowToStartAServer() throws Exception {
    String address = "127.0.0.1:" + Http.freePort();
    env.put("TEMPORAL_ADDRESS", address);

    int exit = run();

    assertThat(exit).isEqualTo(3);
    assertThat(stderr()).hasLineCount(1)
        .contains("cannot reach Temporal at " + address)
        .contains("bin/avesa dev-server")
        .contains("bin/avesa-worker --dev");
  }

  @Test
  void aBadMetricsPortExitsWithTwoNamingTheVariable() {
    env.put("METRICS_PORT", "metrics");

    assertThat(run()).isEqualTo(2);
    assertThat(stderr()).hasLineCount(1).contains("METRICS_PORT=metrics");
  }

  @Test
  void aDeployCommandsFileItCannotUseExitsWithTwoInOneLineNamingIt(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("deploy.yaml"), "cdk-deploy: { command: \"cdk deploy --all\" }\n");
    env.put("AVESA_DEPLOY_COMMANDS", file.toString());
    env.put("TEMPORAL_ADDRESS", "127.0.0.1:" + Http.freePort());

    assertThat(run()).isEqualTo(2);
    assertThat(stderr()).hasLineCount(1).startsWith("avesa-worker: AVESA_DEPLOY_COMMANDS=" + file
        + ": cdk-deploy.command: required, the program and its arguments as a list of strings (no shell)");
  }

  @Test
  void aTakenMetricsPortExitsWithTwo() throws Exception {
    try (DevServer temporal = DevServer.start(0);
        ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      env.put("TEMPORAL_ADDRESS", temporal.address());
      env.put("METRICS_PORT", Integer.toString(taken.getLocalPort()));

      // A reachable server must not be mistaken for an unreachable one on a loaded machine.
      int exit = new WorkerMain(env, print(out), print(err), Duration.ofSeconds(30)).run(new String[0]);
      assertThat(exit).as(stderr()).isEqualTo(2);
      assertThat(stderr()).hasLineCount(1).contains("already in use").contains("METRICS_PORT");
    }
  }

  @Test
  void devModeOnATakenTemporalPortExitsWithTwo() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      env.put("TEMPORAL_ADDRESS", "127.0.0.1:" + taken.getLocalPort());

      assertThat(run("--dev")).isEqualTo(2);
      assertThat(stderr()).hasLineCount(1)
          .contains("cannot start the dev server on 127.0.0.1:" + taken.getLocalPort())
          .contains("already running");
    }
  }

  @Test
  void unknownArgumentsExitWithTwoInOneLineThatPointsAtHelp() {
    assertThat(run("--frobnicate")).isEqualTo(2);
    assertThat(stderr()).hasLineCount(1)
        .isEqualTo("avesa-worker: unknown argument '--frobnicate' (see `avesa-worker --help`)" + System.lineSeparator());
    assertThat(stdout()).isEmpty();
  }

  @Test
  void anExtraArgumentAfterDevIsUnknown() {
    assertThat(run("--dev", "now")).isEqualTo(2);
    assertThat(stderr()).contains("unknown argument 'now'");
  }

  @Test
  void aBuildIdWithoutADeploymentNameExitsWithTwoInOneLine() {
    env.put("AVESA_BUILD_ID", "2026.12.1");

    assertThat(run()).isEqualTo(2);
    assertThat(stderr()).hasLineCount(1)
        .contains("AVESA_DEPLOYMENT_NAME (--deployment-name) is not set");
  }

  @Test
  void aDeploymentFlagWithoutItsValueExitsWithTwo() {
    assertThat(run("--deployment-name", "avesa", "--build-id")).isEqualTo(2);
    assertThat(stderr()).hasLineCount(1).contains("--build-id needs a value");
  }

  @Test
  void helpExplainsTheModesOptionsAndTheEnvironment() {
    assertThat(run("--help")).isEqualTo(0);
    assertThat(stdout())
        .contains("Usage: avesa-worker")
        .contains("--dev")
        .contains("seed-demo")
        .contains("--deployment-name=NAME")
        .contains("--build-id=ID")
        .contains("-V, --version")
        .contains("TEMPORAL_ADDRESS")
        .contains("TEMPORAL_NAMESPACE")
        .contains("METRICS_PORT")
        .contains("AVESA_DEPLOYMENT_NAME, AVESA_BUILD_ID")
        .contains("LOG_LEVEL")
        .contains("SIGTERM");
    assertThat(stderr()).isEmpty();
  }

  @Test
  void seedDemoHelpNamesItsOptions() {
    assertThat(run("seed-demo", "--help")).isEqualTo(0);
    assertThat(stdout()).contains("Usage: avesa-worker seed-demo")
        .contains("--endpoint=URL").contains("--region=REGION").contains("--objects-per-tenant=N")
        .contains("--config-out=FILE");
  }

  @Test
  void versionIsTheOneTheBuildWrote() {
    assertThat(run("-V")).isEqualTo(0);
    assertThat(stdout().lines().findFirst().orElseThrow())
        .matches("avesa-worker \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    assertThat(stdout()).contains("Temporal Java SDK 1.").doesNotContain("${").doesNotContain("unknown");
  }

  @Test
  void anEmptyFlagValueIsAUsageError() {
    assertThat(run("--deployment-name=", "--build-id", "2026.12.1")).isEqualTo(2);
    assertThat(stderr()).hasLineCount(1).contains("--deployment-name needs a value")
        .contains("(see `avesa-worker --help`)");
  }

  @Test
  void seedDemoWithoutAnEndpointExitsWithTwo() {
    assertThat(run("seed-demo", "--region", "eu-west-1")).isEqualTo(2);
    assertThat(stderr()).hasLineCount(1)
        .isEqualTo("avesa-worker seed-demo: --endpoint is required (see `avesa-worker seed-demo --help`)"
            + System.lineSeparator());
  }

  @Test
  void seedDemoRejectsUnknownOptionsAndBadCounts() {
    assertThat(run("seed-demo", "--endpoint", "http://127.0.0.1:1", "--objects-per-tenant", "many")).isEqualTo(2);
    assertThat(run("seed-demo", "--endpoint", "http://127.0.0.1:1", "--tenants", "3")).isEqualTo(2);
    assertThat(stderr())
        .contains("--objects-per-tenant must be a positive whole number, not 'many'")
        .contains("unknown argument '--tenants'");
  }

  private int run(String... args) {
    return new WorkerMain(env, print(out), print(err), Duration.ofSeconds(1)).run(args);
  }

  private static PrintStream print(ByteArrayOutputStream buffer) {
    return new PrintStream(buffer, true, StandardCharsets.UTF_8);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
