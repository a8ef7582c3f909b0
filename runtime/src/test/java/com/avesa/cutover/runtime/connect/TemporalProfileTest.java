package com.avesa.cutover.runtime.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporalProfileTest {
  @TempDir Path dir;
  private Path file;

  @BeforeEach
  void writeConfigFile() throws IOException {
    file = dir.resolve("temporal.toml");
    Files.writeString(file, """
        [profile.default]
        address = "temporal.internal:7233"
        namespace = "avesa"

        [profile.cloud]
        address = "avesa.a1b2c.tmprl.cloud:7233"
        namespace = "avesa.a1b2c"
        api_key = "profile-key"

        [profile.mtls]
        address = "temporal.prod:7233"
        namespace = "prod"

        [profile.mtls.tls]
        client_cert_path = "/etc/avesa/client.pem"
        client_key_path = "/etc/avesa/client.key"
        server_ca_cert_path = "/etc/avesa/ca.pem"
        """);
  }

  @Test
  void theDefaultProfileOfTheConfigFileFillsWhatTheEnvironmentLeavesOut() {
    Map<String, String> env = TemporalProfile.withProfile(Map.of(TemporalProfile.CONFIG_FILE, file.toString()));

    assertThat(env).containsEntry(TemporalProfile.ADDRESS, "temporal.internal:7233")
        .containsEntry(TemporalProfile.NAMESPACE, "avesa")
        .doesNotContainKeys(TemporalProfile.API_KEY, TemporalProfile.TLS_CERT);
  }

  @Test
  void temporalProfileSelectsAProfileAndItsTlsFilesArriveUnderTheOlderNames() {
    Map<String, String> env = TemporalProfile.withProfile(Map.of(TemporalProfile.CONFIG_FILE, file.toString(),
        TemporalProfile.PROFILE, "mtls"));

    assertThat(env).containsEntry(TemporalProfile.ADDRESS, "temporal.prod:7233")
        .containsEntry(TemporalProfile.NAMESPACE, "prod")
        .containsEntry(TemporalProfile.TLS_CERT, "/etc/avesa/client.pem")
        .containsEntry(TemporalProfile.TLS_KEY, "/etc/avesa/client.key")
        .containsEntry(TemporalProfile.TLS_CA, "/etc/avesa/ca.pem");
  }

  @Test
  void variablesWinOverTheProfileAndTheOlderNamesOverTemporals() {
    Map<String, String> env = TemporalProfile.withProfile(Map.of(TemporalProfile.CONFIG_FILE, file.toString(),
        TemporalProfile.PROFILE, "mtls",
        "TEMPORAL_ADDRESS", "override:7233",
        "TEMPORAL_TLS_CLIENT_CERT_PATH", "/temporal/name.pem",
        "TEMPORAL_TLS_CA", "/older/name-ca.pem",
        "TEMPORAL_TLS_SERVER_CA_CERT_PATH", "/temporal/name-ca.pem",
        "TEMPORAL_API_KEY", "variable-key"));

    assertThat(env).containsEntry(TemporalProfile.ADDRESS, "override:7233")
        .containsEntry(TemporalProfile.TLS_CERT, "/temporal/name.pem")
        .containsEntry(TemporalProfile.TLS_CA, "/older/name-ca.pem")
        .containsEntry(TemporalProfile.API_KEY, "variable-key");
  }

  @Test
  void anApiKeyComesFromTheProfile() {
    Map<String, String> env = TemporalProfile.withProfile(Map.of(TemporalProfile.CONFIG_FILE, file.toString(),
        TemporalProfile.PROFILE, "cloud"));

    assertThat(env).containsEntry(TemporalProfile.API_KEY, "profile-key")
        .containsEntry(TemporalProfile.NAMESPACE, "avesa.a1b2c");
  }

  @Test
  void aFileThatIsNotTomlIsOneLineNamingTheVariable() throws IOException {
    Files.writeString(file, "[profile.default\naddress = ");

    assertThatThrownBy(() -> TemporalProfile.withProfile(Map.of(TemporalProfile.CONFIG_FILE, file.toString())))
        .isInstanceOf(TemporalProfile.InvalidProfileException.class)
        .hasMessageStartingWith(TemporalProfile.CONFIG_FILE + "=" + file)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void withoutAFileOrVariablesNothingIsAdded() {
    Map<String, String> env = TemporalProfile.withProfile(Map.of(TemporalProfile.CONFIG_FILE,
        dir.resolve("absent.toml").toString()));

    assertThat(env).doesNotContainKeys(TemporalProfile.ADDRESS, TemporalProfile.NAMESPACE);
  }
}
