package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.cli.CliHarness.Run;
import com.avesa.cutover.runtime.connect.TemporalTarget;
import com.avesa.cutover.runtime.connect.TestCertificates;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TlsOptionsTest {
  @RegisterExtension static final CliHarness TEMPORAL = new CliHarness();
  private static final String API_KEY = "tmprl-api-key-do-not-print";
  private static final String[] CONNECTING =
      {"plan", "migrate", "sync", "cutover", "approve", "reject", "rollback", "status", "result", "list"};
  @TempDir static Path dir;
  private static TestCertificates certs;

  @BeforeAll
  static void generateCertificates() throws Exception {
    certs = TestCertificates.generate(dir);
  }

  @Test
  void aCertificateWithoutItsKeyIsAUsageErrorOnOneLine() {
    Run run = TEMPORAL.avesa("status", "some-run", "--tls-cert", certs.cert().toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines()).singleElement().asString().contains("--tls-cert").contains("--tls-key");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aKeyWithoutItsCertificateIsAUsageError() {
    Run run = TEMPORAL.avesa("status", "some-run", "--tls-key", certs.key().toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines()).singleElement().asString().startsWith("--tls-key");
  }

  @Test
  void aMissingCertificateFileExitsTwoNamingTheFile() {
    Path missing = dir.resolve("nope.pem");

    Run run = TEMPORAL.avesa("status", "some-run", "--tls-cert", missing.toString(), "--tls-key", certs.key().toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines()).singleElement().asString().contains(missing.toString()).endsWith("no such file");
  }

  @Test
  void theOptionsBuildAnSslContextAndTheApiKey() {
    CommandLine cli = new CommandLine(new Avesa());
    CommandLine.ParseResult parsed = cli.parseArgs("status", "some-run", "--address", "ns.acct.tmprl.cloud:7233",
        "--namespace", "ns.acct", "--tls-cert", certs.cert().toString(), "--tls-key", certs.key().toString(),
        "--tls-ca", certs.cert().toString(), "--api-key", API_KEY);
    StatusCommand status = (StatusCommand) parsed.subcommand().commandSpec().userObject();

    TemporalTarget target = status.temporal.target();
    WorkflowServiceStubsOptions options = target.serviceStubsOptions().build();

    assertThat(target.namespace()).isEqualTo("ns.acct");
    assertThat(options.getTarget()).isEqualTo("ns.acct.tmprl.cloud:7233");
    assertThat(options.getSslContext()).isNotNull();
    assertThat(options.getGrpcMetadataProviders()).hasSize(1);
  }

  @Test
  void anApiKeyAloneTurnsOnTls() {
    CommandLine cli = new CommandLine(new Avesa());
    CommandLine.ParseResult parsed = cli.parseArgs("result", "some-run", "--api-key", API_KEY);
    ResultCommand result = (ResultCommand) parsed.subcommand().commandSpec().userObject();

    assertThat(result.temporal.target().serviceStubsOptions().build().getEnableHttps()).isTrue();
  }

  @Test
  void everyConnectingCommandOffersTheTlsOptionsAndTheIdentityAndNeverPrintsTheApiKeyInHelp() {
    for (String command : CONNECTING) {
      Run run = CliHarness.avesaWithoutAddress(command, "--api-key", API_KEY, "--help");

      assertThat(run.exitCode()).as(command).isZero();
      assertThat(run.out()).as(command).contains("--tls-cert").contains("--tls-key").contains("--tls-ca")
          .contains("--api-key").contains("--identity").doesNotContain(API_KEY);
    }
  }

  @Test
  void theApiKeyNeverAppearsInErrorLines() {
    Run usage = TEMPORAL.avesa("status", "some-run", "--api-key", API_KEY, "--tls-cert", certs.cert().toString());
    Run tlsToAPlaintextServer = TEMPORAL.avesa("status", "some-run", "--api-key", API_KEY);

    assertThat(usage.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(usage.err()).doesNotContain(API_KEY);
    assertThat(tlsToAPlaintextServer.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(tlsToAPlaintextServer.err().lines()).singleElement().asString()
        .contains("over TLS").doesNotContain(API_KEY);
  }
}
