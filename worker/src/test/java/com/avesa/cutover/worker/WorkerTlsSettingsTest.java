package com.avesa.cutover.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.avesa.cutover.runtime.connect.TemporalTarget;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerTlsSettingsTest {
  private static final String API_KEY = "tmprl-worker-key-never-printed";

  @Test
  void withoutTlsVariablesTheTargetIsPlain() {
    TemporalTarget target = WorkerSettings.fromEnvironment(Map.of()).temporal();

    assertThat(target.address()).isEqualTo("127.0.0.1:7233");
    assertThat(target.namespace()).isEqualTo("default");
    assertThat(target.usesTls()).isFalse();
  }

  @Test
  void readsTheTlsFilesAndTheApiKey() {
    WorkerSettings settings = WorkerSettings.fromEnvironment(Map.of(
        "TEMPORAL_ADDRESS", "avesa.acct.tmprl.cloud:7233",
        "TEMPORAL_NAMESPACE", "avesa.acct",
        "TEMPORAL_TLS_CERT", "/etc/avesa/client.pem",
        "TEMPORAL_TLS_KEY", "/etc/avesa/client.key",
        "TEMPORAL_TLS_CA", "/etc/avesa/ca.pem",
        "TEMPORAL_API_KEY", API_KEY));

    TemporalTarget target = settings.temporal();
    assertThat(target.address()).isEqualTo("avesa.acct.tmprl.cloud:7233");
    assertThat(target.namespace()).isEqualTo("avesa.acct");
    assertThat(target.tlsCert()).isEqualTo(Path.of("/etc/avesa/client.pem"));
    assertThat(target.tlsKey()).isEqualTo(Path.of("/etc/avesa/client.key"));
    assertThat(target.tlsCa()).isEqualTo(Path.of("/etc/avesa/ca.pem"));
    assertThat(target.apiKey()).isEqualTo(API_KEY);
    assertThat(settings.toString()).doesNotContain(API_KEY);
  }

  @Test
  void aCertificateWithoutItsKeyNamesBothVariables() {
    assertThatThrownBy(() -> WorkerSettings.fromEnvironment(Map.of("TEMPORAL_TLS_CERT", "/etc/avesa/client.pem")))
        .isInstanceOf(WorkerSettings.InvalidSettingException.class)
        .hasMessageContaining("TEMPORAL_TLS_CERT")
        .hasMessageContaining("TEMPORAL_TLS_KEY");
  }

  @Test
  void theDevServerAddressDropsTlsBecauseTheEmbeddedServerIsPlaintext() {
    WorkerSettings settings = WorkerSettings.fromEnvironment(Map.of("TEMPORAL_API_KEY", API_KEY));

    TemporalTarget dev = settings.withTemporalAddress("127.0.0.1", 7300).temporal();

    assertThat(dev.address()).isEqualTo("127.0.0.1:7300");
    assertThat(dev.usesTls()).isFalse();
  }

  @Test
  void anUnreadableCertificateFileStopsTheWorkerWithExitTwoAndOneLine() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Map<String, String> env = new HashMap<>(Map.of(
        "METRICS_PORT", "0",
        "TEMPORAL_TLS_CERT", "/nonexistent/client.pem",
        "TEMPORAL_TLS_KEY", "/nonexistent/client.key",
        "TEMPORAL_API_KEY", API_KEY));

    int exit = new WorkerMain(env, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8), Duration.ofSeconds(1)).run(new String[0]);

    String stderr = err.toString(StandardCharsets.UTF_8);
    assertThat(exit).isEqualTo(2);
    assertThat(stderr).hasLineCount(1).contains("/nonexistent/client.pem: no such file").doesNotContain(API_KEY);
  }
}
