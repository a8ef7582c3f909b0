package com.avesa.cutover.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules of {@link ArchitectureRules} over every module's main classes (tests are not imported). */
class ArchitectureTest {

  static final String ROOT = "com.avesa.cutover";

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(ROOT);
  }

  @Test
  void noPackageCycles() {
    ArchitectureRules.noPackageCycles(ROOT).check(classes);
  }

  /** Each module's main classes are here: a rule over an empty or partial import would prove nothing. */
  @Test
  void everyModuleIsImported() {
    assertThat(classes.contain(ROOT + ".workflows.run.RunKind")).isTrue();
    assertThat(classes.contain(ROOT + ".runtime.config.ConfigLoader")).isTrue();
    assertThat(classes.contain(ROOT + ".activities.aws.AwsClients")).isTrue();
    assertThat(classes.contain(ROOT + ".worker.WorkerMain")).isTrue();
    assertThat(classes.contain(ROOT + ".cli.Avesa")).isTrue();
    assertThat(classes.stream().noneMatch(c -> c.getPackageName().startsWith(ROOT + ".architecture"))).isTrue();
  }

  @Test
  void noModuleCycles() {
    ArchitectureRules.noModuleCycles(ROOT).check(classes);
  }

  @Test
  void workflowsAreDeterministic() {
    ArchitectureRules.workflowsAreDeterministic(ROOT).check(classes);
  }

  @Test
  void modulesKeepTheirLayers() {
    ArchitectureRules.modulesKeepTheirLayers(ROOT).check(classes);
  }

  @Test
  void workflowsHoldNoAwsSdk() {
    ArchitectureRules.workflowsHoldNoAwsSdk(ROOT).check(classes);
  }

  @Test
  void runContractStandsAlone() {
    ArchitectureRules.runContractStandsAlone(ROOT).check(classes);
  }
}
