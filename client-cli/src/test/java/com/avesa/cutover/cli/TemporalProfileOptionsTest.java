package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.avesa.cutover.runtime.connect.TemporalTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI's connection from Temporal's environment configuration, options and variables winning. */
class TemporalProfileOptionsTest {
  @TempDir Path dir;

  @Test
  void whatNoOptionOrVariableSetsComesFromTheTemporalProfile() throws IOException {
    Path file = Files.writeString(dir.resolve("temporal.toml"), """
        [profile.staging]
        address = "temporal.staging:7233"
        namespace = "avesa-staging"
        api_key = "staging-key"
        """);
    Map<String, String> env = Map.of("TEMPORAL_CONFIG_FILE", file.toString(), "TEMPORAL_PROFILE", "staging");

    TemporalTarget fromProfile = target(env, "status", "some-run");
    TemporalTarget optionWins = target(env, "status", "some-run", "--namespace", "mine", "--address", "other:7233");

    assertThat(fromProfile.address()).isEqualTo("temporal.staging:7233");
    assertThat(fromProfile.namespace()).isEqualTo("avesa-staging");
    assertThat(fromProfile.apiKey()).isEqualTo("staging-key");
    assertThat(optionWins.address()).isEqualTo("other:7233");
    assertThat(optionWins.namespace()).isEqualTo("mine");
  }

  @Test
  void aProfileTheFileLacksIsAUsageErrorNamingTheVariables() throws IOException {
    Path file = Files.writeString(dir.resolve("temporal.toml"), "[profile.default]\naddress = \"x:7233\"\n");
    Map<String, String> env = Map.of("TEMPORAL_CONFIG_FILE", file.toString(), "TEMPORAL_PROFILE", "nope");

    assertThatThrownBy(() -> target(env, "status", "some-run"))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("TEMPORAL_CONFIG_FILE=" + file)
        .hasMessageContaining("TEMPORAL_PROFILE=nope")
        .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(ExitCodes.USAGE));
  }

  private static TemporalTarget target(Map<String, String> env, String... args) {
    CommandLine.IFactory factory = new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        return type == TemporalOptions.class ? type.cast(new TemporalOptions(env)) : CommandLine.defaultFactory().create(type);
      }
    };
    CommandLine.ParseResult parsed = new CommandLine(new Avesa(), factory).parseArgs(args);
    return ((StatusCommand) parsed.subcommand().commandSpec().userObject()).temporal.target();
  }
}
