package com.avesa.cutover.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.activities.demo.DemoCutover;
import com.avesa.cutover.activities.demo.DemoEstate;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.config.CutoverConfig;
import com.avesa.cutover.workflows.config.DnsConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the cutover end-to-end tests share: the dev server and a worker as processes (one pair per
 * test class), the demo estate seeded fresh in moto before each test, the CLI, and the switches a
 * cutover flips as the emulated accounts hold them.
 */
abstract class CutoverEstateTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();
  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration CLI = Duration.ofSeconds(180);
  static TemporalStack stack;

  @TempDir Path dir;
  EstateOracle oracle;
  String zoneId;

  /** What a cutover switches, as the accounts hold it: rule states on both sides and the DNS record. */
  record Switches(Map<String, String> sourceRules, Map<String, String> targetRules, EstateOracle.DnsRecord dns) {}

  @BeforeAll
  static void startTemporalAndAWorker() {
    stack = new TemporalStack(Map.of());
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @BeforeEach
  void seed() {
    DemoEstate.seed(MOTO.endpoint(), MotoExtension.REGION, 2);
    stack.restartWorker();
    oracle = new EstateOracle(MOTO.endpoint());
    zoneId = DemoEstate.cutoverConfig(MOTO.endpoint(), MotoExtension.REGION).dns().hostedZoneId();
  }

  @AfterEach
  void closeOracle() {
    oracle.close();
  }

  /** Starts the cutover as carol (who may not approve), approves it as bob; returns its id. */
  String startAndApprove(String id, Path config) {
    Launched.Result started = avesa("cutover", "-c", config.toString(), "--id", id, "--identity", "carol");
    assertThat(started.exitCode()).as(started.toString()).isZero();
    Launched.Result approval = avesa("approve", id, "--gate", "cutover", "--reason", "CAB-2", "--identity", "bob");
    assertThat(approval.exitCode()).as(approval.toString()).isZero();
    return id;
  }

  /** The demo's config file with the cutover's timing replaced: short enough (or long enough) for a test. */
  Path config(Duration window, Duration monitorFor, Duration checkEvery, Duration rollbackBudget) throws IOException {
    return config(window, monitorFor, checkEvery, rollbackBudget, DemoCutover.APPROVALS);
  }

  /** The same with {@code approvals}. */
  Path config(Duration window, Duration monitorFor, Duration checkEvery, Duration rollbackBudget,
      ApprovalsConfig approvals) throws IOException {
    return config(window, monitorFor, checkEvery, rollbackBudget, approvals,
        DemoEstate.cutoverConfig(MOTO.endpoint(), MotoExtension.REGION).dns());
  }

  /** The same with {@code approvals} and the record {@code dns} switches. */
  Path config(Duration window, Duration monitorFor, Duration checkEvery, Duration rollbackBudget,
      ApprovalsConfig approvals, DnsConfig dns) throws IOException {
    CutoverConfig demo = DemoEstate.cutoverConfig(MOTO.endpoint(), MotoExtension.REGION);
    CutoverConfig timed = new CutoverConfig(window, monitorFor, checkEvery, rollbackBudget, demo.sourceRules(),
        demo.targetRules(), dns, demo.smokeTests(), demo.alarms(), demo.notifyTopicArn());
    return Files.writeString(dir.resolve("avesa.yaml"),
        DemoEstate.configYaml(MOTO.endpoint(), MotoExtension.REGION, timed, approvals));
  }

  Switches switches() {
    return new Switches(oracle.ruleStates(oracle.sourceEvents, DemoCutover.RULES),
        oracle.ruleStates(oracle.targetEvents, DemoCutover.RULES), dnsRecord());
  }

  EstateOracle.DnsRecord dnsRecord() {
    return oracle.dnsRecord(oracle.sourceDns, zoneId, DemoCutover.RECORD_NAME, "CNAME");
  }

  static Launched.Result avesa(String... args) {
    return Launched.run(stack.cliEnv(), CLI, args);
  }
}
