package com.avesa.cutover.activities.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.avesa.cutover.activities.infra.DeployCommands.Allowed;
import com.avesa.cutover.activities.infra.DeployCommands.InvalidDeployCommandsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker's deploy commands file: what it allows, and the one line that stops a worker on a bad one. */
class DeployCommandsTest {
  @TempDir Path dir;

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("deploy.yaml"), yaml);
  }

  private String problem(String yaml) throws IOException {
    Path file = write(yaml);
    return assertThatThrownBy(() -> DeployCommands.read(file)).isInstanceOf(InvalidDeployCommandsException.class)
        .actual().getMessage();
  }

  @Test
  void readsEachNamedCommandWithItsWorkdirAndTimeout() throws IOException {
    Path infrastructure = Files.createDirectory(dir.resolve("infrastructure"));
    DeployCommands commands = DeployCommands.read(write("""
        cdk-deploy:
          command: [cdk, deploy, --all, --require-approval, never]
          workdir: infrastructure
          timeout: PT2H
        cdk-bootstrap: { command: [cdk, bootstrap], workdir: %s }
        """.formatted(infrastructure)));

    assertThat(commands.names()).containsExactly("cdk-bootstrap", "cdk-deploy");
    assertThat(commands.named("cdk-deploy")).contains(new Allowed("cdk-deploy",
        List.of("cdk", "deploy", "--all", "--require-approval", "never"), infrastructure, Duration.ofHours(2)));
    assertThat(commands.named("cdk-bootstrap")).get().extracting(Allowed::workdir, Allowed::timeout)
        .containsExactly(infrastructure, Duration.ofHours(1));
    assertThat(commands.named("cdk")).isEmpty();
    assertThat(commands.named(null)).isEmpty();
  }

  @Test
  void withoutAWorkdirTheCommandRunsInTheFilesDirectory() throws IOException {
    DeployCommands commands = DeployCommands.read(write("cdk-deploy: { command: [cdk, deploy] }\n"));

    assertThat(commands.named("cdk-deploy")).get().extracting(Allowed::workdir).isEqualTo(dir.toAbsolutePath());
  }

  @Test
  void anEmptyFileOrNoVariableAllowsNothing() throws IOException {
    Path empty = write("# no deploy commands on this worker\n");

    assertThat(DeployCommands.read(empty).names()).isEmpty();
    assertThat(DeployCommands.read(empty).allowed()).isEqualTo("AVESA_DEPLOY_COMMANDS=" + empty + " allows none");
    assertThat(DeployCommands.fromEnvironment(Map.of()).names()).isEmpty();
    assertThat(DeployCommands.fromEnvironment(Map.of(DeployCommands.VARIABLE, " ")).allowed())
        .isEqualTo("it has no AVESA_DEPLOY_COMMANDS file, so it allows none");
    assertThat(DeployCommands.fromEnvironment(Map.of(DeployCommands.VARIABLE, empty.toString())).source())
        .isEqualTo("AVESA_DEPLOY_COMMANDS=" + empty);
  }

  @Test
  void everyProblemIsOneLineNamingTheFileAndTheCommand() throws IOException {
    String at = "AVESA_DEPLOY_COMMANDS=" + dir.resolve("deploy.yaml") + ": ";

    assertThat(problem("cdk-deploy: { command: \"cdk deploy\" }\n")).isEqualTo(at + "cdk-deploy.command: required,"
        + " the program and its arguments as a list of strings (no shell), e.g. [cdk, deploy, --all]");
    assertThat(problem("cdk-deploy: { command: [] }\n")).startsWith(at + "cdk-deploy.command: required");
    assertThat(problem("cdk-deploy: { command: [cdk], env: { A: b } }\n"))
        .isEqualTo(at + "cdk-deploy.env: unknown key (known: command, workdir, timeout)");
    assertThat(problem("cdk-deploy: { command: [cdk], timeout: PT7H }\n"))
        .isEqualTo(at + "cdk-deploy.timeout: PT7H must be more than zero and at most PT6H");
    assertThat(problem("cdk-deploy: { command: [cdk], timeout: 1 hour }\n"))
        .isEqualTo(at + "cdk-deploy.timeout: '1 hour' is not an ISO-8601 duration (e.g. PT1H)");
    assertThat(problem("cdk-deploy: { command: [cdk], workdir: nowhere }\n")).isEqualTo(at + "cdk-deploy.workdir: "
        + dir.toAbsolutePath().resolve("nowhere") + " is not a directory (a relative workdir is resolved against "
        + dir.toAbsolutePath() + ")");
    assertThat(problem("\"cdk deploy\": { command: [cdk] }\n"))
        .isEqualTo(at + "'cdk deploy' is not a command name (1-64 of letters, digits and ._-)");
    assertThat(problem("cdk-deploy: [cdk, deploy]\n"))
        .startsWith(at + "cdk-deploy: expected a mapping with command");
    assertThat(problem("- cdk\n")).startsWith(at + "expected a mapping of names to commands");
    assertThat(problem("cdk-deploy: { command: [cdk] }\ncdk-deploy: { command: [rm] }\n"))
        .startsWith(at + "not valid YAML: Duplicate field 'cdk-deploy'");
    assertThat(problem("a: [\n")).doesNotContain("\n");
  }

  @Test
  void aMissingFileStopsTheWorkerNamingIt() {
    Path missing = dir.resolve("no-such.yaml");

    assertThatThrownBy(() -> DeployCommands.fromEnvironment(Map.of(DeployCommands.VARIABLE, missing.toString())))
        .isInstanceOf(InvalidDeployCommandsException.class)
        .hasMessageStartingWith("AVESA_DEPLOY_COMMANDS=" + missing + ": cannot be read (NoSuchFileException");
  }
}
