package com.avesa.cutover.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class WorkerDeploymentTest {

  @Test
  void neitherVariableSetKeepsTheWorkerUnversioned() {
    assertThat(WorkerSettings.fromEnvironment(Map.of()).deployment()).isNull();
    assertThat(WorkerSettings.fromEnvironment(Map.of("AVESA_DEPLOYMENT_NAME", " ", "AVESA_BUILD_ID", "")).deployment())
        .isNull();
  }

  @Test
  void bothVariablesNameTheDeploymentVersion() {
    WorkerDeployment deployment = WorkerSettings.fromEnvironment(
        Map.of("AVESA_DEPLOYMENT_NAME", "avesa-cutover", "AVESA_BUILD_ID", "2026.12.1+g614847a")).deployment();

    assertThat(deployment.version().getDeploymentName()).isEqualTo("avesa-cutover");
    assertThat(deployment.version().getBuildId()).isEqualTo("2026.12.1+g614847a");
    assertThat(deployment).hasToString("avesa-cutover.2026.12.1+g614847a");
  }

  @Test
  void flagsReplaceTheVariables() {
    WorkerDeployment deployment = WorkerSettings.fromEnvironment(
        Map.of("AVESA_DEPLOYMENT_NAME", "from-env", "AVESA_BUILD_ID", "1"),
        Map.of("AVESA_BUILD_ID", "2")).deployment();

    assertThat(deployment).isEqualTo(new WorkerDeployment("from-env", "2"));
  }

  @Test
  void aBuildIdWithoutADeploymentNameIsRefusedNamingTheMissingOne() {
    assertThatThrownBy(() -> WorkerSettings.fromEnvironment(Map.of("AVESA_BUILD_ID", "7")))
        .isInstanceOf(WorkerSettings.InvalidSettingException.class)
        .hasMessageStartingWith("AVESA_DEPLOYMENT_NAME (--deployment-name) is not set")
        .hasMessageContaining("needs both AVESA_DEPLOYMENT_NAME and AVESA_BUILD_ID, or neither");
  }

  @Test
  void aDeploymentNameWithoutABuildIdIsRefused() {
    assertThatThrownBy(() -> WorkerSettings.fromEnvironment(Map.of(), Map.of("AVESA_DEPLOYMENT_NAME", "avesa")))
        .isInstanceOf(WorkerSettings.InvalidSettingException.class)
        .hasMessageStartingWith("AVESA_BUILD_ID (--build-id) is not set");
  }

  @Test
  void aDeploymentNameWithADotOrSpacesIsRefused() {
    for (String name : List.of("avesa.cutover", "avesa cutover", "-avesa")) {
      assertThatThrownBy(() -> WorkerSettings.fromEnvironment(
          Map.of("AVESA_DEPLOYMENT_NAME", name, "AVESA_BUILD_ID", "1")))
          .isInstanceOf(WorkerSettings.InvalidSettingException.class)
          .hasMessageStartingWith("AVESA_DEPLOYMENT_NAME=" + name + ": ");
    }
  }

  @Test
  void aBuildIdThatIsNotOneTokenIsRefused() {
    for (String buildId : List.of("1 2", "$(id)", "__unversioned__", "a".repeat(256))) {
      assertThatThrownBy(() -> WorkerSettings.fromEnvironment(
          Map.of("AVESA_DEPLOYMENT_NAME", "avesa", "AVESA_BUILD_ID", buildId)))
          .isInstanceOf(WorkerSettings.InvalidSettingException.class)
          .hasMessageStartingWith("AVESA_BUILD_ID=");
    }
  }

  @Test
  void theCommandLineTakesBothFlagsInEitherForm() {
    WorkerMain main = new WorkerMain(Map.of(), System.out, System.err, Duration.ofSeconds(1));
    new CommandLine(main).parseArgs("--deployment-name=avesa", "--dev", "--build-id", "41");

    assertThat(main.dev).isTrue();
    assertThat(main.flags()).containsExactlyInAnyOrderEntriesOf(
        Map.of("AVESA_DEPLOYMENT_NAME", "avesa", "AVESA_BUILD_ID", "41"));
  }
}
