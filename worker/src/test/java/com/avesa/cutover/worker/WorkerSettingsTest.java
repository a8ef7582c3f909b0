package com.avesa.cutover.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerSettingsTest {

  @Test
  void unsetVariablesTakeTheDocumentedDefaults() {
    WorkerSettings settings = WorkerSettings.fromEnvironment(Map.of());

    assertThat(settings.temporalAddress()).isEqualTo("127.0.0.1:7233");
    assertThat(settings.temporalHost()).isEqualTo("127.0.0.1");
    assertThat(settings.temporalPort()).isEqualTo(7233);
    assertThat(settings.namespace()).isEqualTo("default");
    assertThat(settings.metricsPort()).isEqualTo(9464);
    assertThat(settings.metricsHost()).isEqualTo("127.0.0.1");
  }

  @Test
  void readsEveryVariable() {
    WorkerSettings settings = WorkerSettings.fromEnvironment(Map.of(
        "TEMPORAL_ADDRESS", "temporal.internal:7300",
        "TEMPORAL_NAMESPACE", "avesa",
        "METRICS_PORT", "9500"));

    assertThat(settings.temporalHost()).isEqualTo("temporal.internal");
    assertThat(settings.temporalPort()).isEqualTo(7300);
    assertThat(settings.namespace()).isEqualTo("avesa");
    assertThat(settings.metricsPort()).isEqualTo(9500);
  }

  @Test
  void aTemporalProfileFillsWhatTheVariablesLeaveOut(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("temporal.toml"), """
        [profile.staging]
        address = "temporal.staging:7233"
        namespace = "avesa-staging"
        """);

    WorkerSettings fromProfile = WorkerSettings.fromEnvironment(Map.of(
        "TEMPORAL_CONFIG_FILE", file.toString(), "TEMPORAL_PROFILE", "staging"));
    WorkerSettings variableWins = WorkerSettings.fromEnvironment(Map.of(
        "TEMPORAL_CONFIG_FILE", file.toString(), "TEMPORAL_PROFILE", "staging", "TEMPORAL_NAMESPACE", "mine"));

    assertThat(fromProfile.temporalAddress()).isEqualTo("temporal.staging:7233");
    assertThat(fromProfile.namespace()).isEqualTo("avesa-staging");
    assertThat(variableWins.namespace()).isEqualTo("mine");
  }

  @Test
  void aTemporalConfigFileThatDoesNotParseIsOneLineNamingIt(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("temporal.toml"), "[profile.default\naddress = ");

    assertThatThrownBy(() -> WorkerSettings.fromEnvironment(Map.of("TEMPORAL_CONFIG_FILE", file.toString())))
        .isInstanceOf(WorkerSettings.InvalidSettingException.class)
        .hasMessageStartingWith("TEMPORAL_CONFIG_FILE=" + file);
  }

  @Test
  void aMetricsPortThatIsNotANumberNamesTheVariable() {
    assertThatThrownBy(() -> WorkerSettings.fromEnvironment(Map.of("METRICS_PORT", "nine")))
        .isInstanceOf(WorkerSettings.InvalidSettingException.class)
        .hasMessage("METRICS_PORT=nine: the port is not a number");
  }

  @Test
  void aMetricsPortOutOfRangeNamesTheVariableAndTheRange() {
    assertThatThrownBy(() -> WorkerSettings.fromEnvironment(Map.of("METRICS_PORT", "70000")))
        .hasMessageStartingWith("METRICS_PORT=70000")
        .hasMessageContaining("between 0 and 65535");
  }

  @Test
  void aTemporalAddressWithoutAPortIsRejected() {
    assertThatThrownBy(() -> WorkerSettings.fromEnvironment(Map.of("TEMPORAL_ADDRESS", "localhost")))
        .hasMessage("TEMPORAL_ADDRESS=localhost: expected host:port, e.g. 127.0.0.1:7233");
  }

  @Test
  void aTemporalAddressWithABadPortNamesTheVariable() {
    assertThatThrownBy(() -> WorkerSettings.fromEnvironment(Map.of("TEMPORAL_ADDRESS", "localhost:http")))
        .hasMessage("TEMPORAL_ADDRESS=localhost:http: the port is not a number");
    assertThatThrownBy(() -> WorkerSettings.fromEnvironment(Map.of("TEMPORAL_ADDRESS", "localhost:0")))
        .hasMessageStartingWith("TEMPORAL_ADDRESS=localhost:0: the port must be between 1 and 65535");
  }

  @Test
  void metricsHostServesEveryInterfaceWhenAskedAndKeepsItThroughADevServerAddress() {
    WorkerSettings settings = WorkerSettings.fromEnvironment(Map.of("METRICS_HOST", " 0.0.0.0 "));

    assertThat(settings.metricsHost()).isEqualTo("0.0.0.0");
    assertThat(settings.withTemporalAddress("127.0.0.1", 7299).metricsHost()).isEqualTo("0.0.0.0");
    assertThat(WorkerSettings.fromEnvironment(Map.of("METRICS_HOST", "")).metricsHost()).isEqualTo("127.0.0.1");
    assertThat(WorkerSettings.fromEnvironment(Map.of("METRICS_HOST", "worker.internal")).metricsHost())
        .isEqualTo("worker.internal");
    assertThat(WorkerSettings.fromEnvironment(Map.of("METRICS_HOST", "[::]")).metricsHost()).isEqualTo("::");
  }

  @Test
  void aMetricsHostWithAPortOrSchemeNamesTheVariable() {
    assertThatThrownBy(() -> WorkerSettings.fromEnvironment(Map.of("METRICS_HOST", "0.0.0.0:9464")))
        .isInstanceOf(WorkerSettings.InvalidSettingException.class)
        .hasMessageStartingWith("METRICS_HOST=0.0.0.0:9464: expected an IP address or host name");
    assertThatThrownBy(() -> WorkerSettings.fromEnvironment(Map.of("METRICS_HOST", "http://worker")))
        .hasMessageStartingWith("METRICS_HOST=http://worker:");
    assertThatThrownBy(() -> WorkerSettings.fromEnvironment(Map.of("METRICS_HOST", "localhost:9464")))
        .hasMessageStartingWith("METRICS_HOST=localhost:9464:");
  }
}
