package com.avesa.cutover.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link ArchitectureRules} fails on the fixture that breaks it ({@code fixture.broken}) and names
 * the offending code, and passes on the fixture of the same shape that keeps it ({@code fixture.sound}).
 */
class ArchitectureRulesTest {

  private static final String BROKEN = "com.avesa.cutover.architecture.fixture.broken";
  private static final String SOUND = "com.avesa.cutover.architecture.fixture.sound";

  private static JavaClasses broken;
  private static JavaClasses sound;

  @BeforeAll
  static void importFixtures() {
    broken = new ClassFileImporter().importPackages(BROKEN);
    sound = new ClassFileImporter().importPackages(SOUND);
  }

  @Test
  void aPackageCycleFails() {
    assertThat(violations(ArchitectureRules::noPackageCycles))
        .contains("Slice workflows.cyclea -> ", "Slice workflows.cycleb -> ")
        .contains("Slice cli -> ", "Slice worker -> ");
  }

  @Test
  void aModuleCycleFails() {
    assertThat(violations(ArchitectureRules::noModuleCycles))
        .contains("Slice cli -> ", "Slice worker -> ")
        .doesNotContain("cyclea");
  }

  @Test
  void wallClockRandomnessThreadsEnvironmentAndIoInWorkflowCodeFail() {
    assertThat(violations(ArchitectureRules::workflowsAreDeterministic))
        .contains("WallClock.millis()> calls method <java.lang.System.currentTimeMillis()>")
        .contains("WallClock.nanos()> calls method <java.lang.System.nanoTime()>")
        .contains("WallClock.instant()> calls method <java.time.Instant.now()>")
        .contains("WallClock.localDateTime()> calls method <java.time.LocalDateTime.now()>")
        .contains("WallClock.clock()> calls method <java.time.Clock.systemUTC()>")
        .contains("WallClock.sleep()> calls method <java.lang.Thread.sleep(long)>")
        .contains("WallClock.random()> calls constructor <java.util.Random.<init>()>")
        .contains("WallClock.uuid()> calls method <java.util.UUID.randomUUID()>")
        .contains("WallClock.thread()> calls constructor <java.lang.Thread.<init>(java.lang.Runnable)>")
        .contains("WallClock.environment()> calls method <java.lang.System.getenv(java.lang.String)>")
        .contains("WallClock.console()> gets field <java.lang.System.out>")
        .contains("WallClock.file()> calls method <java.nio.file.Files.readString(java.nio.file.Path)>")
        .contains("WallClock.stream()> calls constructor <java.io.FileInputStream.<init>(java.lang.String)>")
        .contains("WallClock.network()> calls method <java.net.URI.create(java.lang.String)>");
  }

  @Test
  void aModuleReachingPastItsLayerFails() {
    assertThat(violations(ArchitectureRules::modulesKeepTheirLayers))
        .contains("ReachesUp.activity> has type <" + BROKEN + ".activities.Activity>")
        .contains("runtime.Runtime.activity> has type <" + BROKEN + ".activities.Activity>")
        .contains("activities.Activity.worker> has type <" + BROKEN + ".worker.Worker>")
        .contains("worker.Worker.cli> has type <" + BROKEN + ".cli.Cli>")
        .contains("cli.Cli.worker> has type <" + BROKEN + ".worker.Worker>");
  }

  @Test
  void theAwsSdkInWorkflowCodeFails() {
    assertThat(violations(ArchitectureRules::workflowsHoldNoAwsSdk))
        .contains("AwsInWorkflow.region()> gets field <software.amazon.awssdk.regions.Region.EU_WEST_1>");
  }

  @Test
  void theRunContractUsingAnotherWorkflowsPackageFails() {
    assertThat(violations(ArchitectureRules::runContractStandsAlone))
        .contains("run.Contract.a> has type <" + BROKEN + ".workflows.cyclea.A>");
  }

  /** The failure report of the rule over the broken fixture, after checking the rule passes on the sound one. */
  private static String violations(Function<String, ArchRule> rule) {
    EvaluationResult onSound = rule.apply(SOUND).evaluate(sound);
    assertThat(onSound.hasViolation()).as("%s on the sound fixture: %s", rule.apply(SOUND),
        onSound.getFailureReport()).isFalse();
    EvaluationResult onBroken = rule.apply(BROKEN).evaluate(broken);
    assertThat(onBroken.hasViolation()).as("%s on the broken fixture", rule.apply(BROKEN)).isTrue();
    return String.join("\n", onBroken.getFailureReport().getDetails());
  }
}
