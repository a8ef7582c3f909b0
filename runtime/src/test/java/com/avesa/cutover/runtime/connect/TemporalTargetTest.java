package com.avesa.cutover.runtime.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.serviceclient.GrpcMetadataProvider;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporalTargetTest {
  private static final String KEY = "avesa-secret-api-key-123";
  @TempDir static Path dir;
  private static TestCertificates certs;

  @BeforeAll
  static void generateCertificates() throws Exception {
    certs = TestCertificates.generate(dir);
  }

  @Test
  void aPlainTargetConnectsWithoutTls() {
    WorkflowServiceStubsOptions options = TemporalTarget.plain("127.0.0.1:7233", "default").serviceStubsOptions().build();

    assertThat(options.getTarget()).isEqualTo("127.0.0.1:7233");
    assertThat(options.getSslContext()).isNull();
    assertThat(options.getEnableHttps()).isFalse();
    assertThat(options.getGrpcMetadataProviders()).isNullOrEmpty();
  }

  @Test
  void anApiKeyAloneUsesTlsAndSendsTheKeyAsBearerToken() {
    TemporalTarget target = new TemporalTarget("ns.acct.tmprl.cloud:7233", "ns.acct", null, null, null, KEY);
    WorkflowServiceStubsOptions options = target.serviceStubsOptions().build();

    assertThat(target.usesTls()).isTrue();
    assertThat(options.getEnableHttps()).isTrue();
    assertThat(options.getGrpcMetadataProviders()).hasSize(1);
    GrpcMetadataProvider provider = options.getGrpcMetadataProviders().iterator().next();
    assertThat(provider.getMetadata().toString()).contains("Bearer " + KEY);
  }

  @Test
  void aClientCertificateAndKeyBuildAnSslContext() {
    TemporalTarget target = new TemporalTarget("temporal:7233", "avesa", certs.cert(), certs.key(), null, null);

    assertThat(target.serviceStubsOptions().build().getSslContext()).isNotNull();
  }

  @Test
  void aCaFileAloneBuildsAnSslContextTrustingIt() {
    TemporalTarget target = new TemporalTarget("temporal:7233", "avesa", null, null, certs.cert(), null);

    assertThat(target.serviceStubsOptions().build().getSslContext()).isNotNull();
  }

  @Test
  void certificateKeyCaAndApiKeyTogether() {
    WorkflowServiceStubsOptions options =
        new TemporalTarget("temporal:7233", "avesa", certs.cert(), certs.key(), certs.cert(), KEY)
            .serviceStubsOptions().build();

    assertThat(options.getSslContext()).isNotNull();
    assertThat(options.getGrpcMetadataProviders()).hasSize(1);
  }

  @Test
  void aCertificateWithoutItsKeyNamesBothOptions() {
    assertThatThrownBy(() -> new TemporalTarget("t:1", "n", certs.cert(), null, null, null))
        .isInstanceOf(TemporalTarget.InvalidTargetException.class)
        .hasMessage("--tls-cert (TEMPORAL_TLS_CERT) needs its private key: give --tls-key (TEMPORAL_TLS_KEY) too");
    assertThatThrownBy(() -> new TemporalTarget("t:1", "n", null, certs.key(), null, null))
        .hasMessage("--tls-key (TEMPORAL_TLS_KEY) needs its certificate: give --tls-cert (TEMPORAL_TLS_CERT) too");
  }

  @Test
  void aMissingCertificateFileIsNamedInOneLine() {
    Path missing = dir.resolve("missing.pem");
    TemporalTarget target = new TemporalTarget("t:1", "n", missing, certs.key(), null, null);

    assertThatThrownBy(target::serviceStubsOptions)
        .isInstanceOf(TemporalTarget.InvalidTargetException.class)
        .hasMessage("--tls-cert (TEMPORAL_TLS_CERT) " + missing + ": no such file");
  }

  @Test
  void aMissingCaFileIsNamed() {
    Path missing = dir.resolve("ca-missing.pem");

    assertThatThrownBy(() -> new TemporalTarget("t:1", "n", null, null, missing, null).serviceStubsOptions())
        .hasMessage("--tls-ca (TEMPORAL_TLS_CA) " + missing + ": no such file");
  }

  @Test
  void aFileThatIsNotPemIsRejectedWithTheOptionsNamed() throws Exception {
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate\n");

    assertThatThrownBy(() -> new TemporalTarget("t:1", "n", garbage, garbage, null, null).serviceStubsOptions())
        .isInstanceOf(TemporalTarget.InvalidTargetException.class)
        .hasMessageStartingWith("--tls-cert (TEMPORAL_TLS_CERT) " + garbage)
        .hasMessageContaining("not a PEM certificate")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThatThrownBy(() -> new TemporalTarget("t:1", "n", null, null, garbage, null).serviceStubsOptions())
        .hasMessageStartingWith("--tls-ca (TEMPORAL_TLS_CA) " + garbage);
  }

  @Test
  void toStringNeverShowsTheApiKey() {
    TemporalTarget target = new TemporalTarget("t:1", "n", null, null, null, KEY);

    assertThat(target.toString()).doesNotContain(KEY).contains("apiKey=(set)");
  }

  @Test
  void aBlankApiKeyCountsAsNone() {
    TemporalTarget target = new TemporalTarget("t:1", "n", null, null, null, "  ");

    assertThat(target.apiKey()).isNull();
    assertThat(target.usesTls()).isFalse();
  }
}
