package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.cli.CliHarness.Run;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ServiceCommandTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();

  static final String SECRET_VALUE = "pw-7f3a9c-do-not-print";
  static final String CREDENTIALS = "{\"company\":\"acme\",\"publicKey\":\"pk\",\"privateKey\":\"" + SECRET_VALUE + "\"}";

  @TempDir Path dir;
  private TenantCli cli;
  private String config;

  @BeforeEach
  void setUp() {
    cli = new TenantCli(MOTO, dir);
    cli.createTable();
    config = cli.config().toString();
    assertThat(cli.avesa("tenant", "add", "--tenant-id", "acme", "--company-name", "Acme Corp", "-c", config)
        .exitCode()).isZero();
  }

  @AfterEach
  void tearDown() {
    cli.close();
  }

  private String secretString() {
    return cli.secrets().getSecretValue(b -> b.secretId("tenant/acme/prod")).secretString();
  }

  @Test
  void addsAServiceWithCredentialsFromAFileAndPrintsNamesOnly() throws Exception {
    Path file = cli.write("cw.json", CREDENTIALS);

    Run run = cli.avesa("service", "add", "--tenant-id", "acme", "--service", "connectwise",
        "--credentials-file", file.toString(), "-c", config);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines()).containsExactly(
        "changed    secret tenant/acme/prod: created with connectwise credentials",
        "changed    tenant acme services: connectwise added");
    assertThat(run.out() + run.err()).doesNotContain(SECRET_VALUE);
    assertThat(new ObjectMapper().readTree(secretString()).at("/connectwise/privateKey").asText()).isEqualTo(SECRET_VALUE);
    assertThat(cli.dynamoDb().getItem(b -> b.tableName(TenantCli.TABLE)
        .key(Map.of("tenant_id", AttributeValue.fromS("acme")))).item().get("services").ss()).containsExactly("connectwise");
  }

  @Test
  void readsTheCredentialsFromStdinAndKeepsOtherServices() throws Exception {
    cli.avesaWithStdin("{\"user\":\"sn\"}", "service", "add", "--tenant-id", "acme", "--service", "servicenow",
        "--credentials-file", "-", "-c", config);

    Run run = cli.avesaWithStdin(CREDENTIALS, "service", "add", "--tenant-id", "acme", "--service", "salesforce",
        "--credentials-file", "-", "-c", config, "--json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("\"detail\" : \"salesforce credentials added\"").doesNotContain(SECRET_VALUE);
    var secret = new ObjectMapper().readTree(secretString());
    assertThat(secret.at("/servicenow/user").asText()).isEqualTo("sn");
    assertThat(secret.at("/salesforce/privateKey").asText()).isEqualTo(SECRET_VALUE);
  }

  @Test
  void aFileThatIsNotJsonIsRefusedNamingItWithoutEchoingIt() {
    Path file = cli.write("cw.txt", "privateKey=" + SECRET_VALUE + "\n");

    Run run = cli.avesa("service", "add", "--tenant-id", "acme", "--service", "connectwise",
        "--credentials-file", file.toString(), "-c", config);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines()).singleElement().asString()
        .startsWith("--credentials-file " + file + ": not valid JSON at line 1")
        .doesNotContain("privateKey").doesNotContain(SECRET_VALUE);
    assertThat(run.out()).isEmpty();
    assertThat(cli.secrets().listSecrets().secretList()).isEmpty();
  }

  @Test
  void jsonThatIsNotAnObjectIsRefused() {
    Run run = cli.avesaWithStdin("[\"" + SECRET_VALUE + "\"]", "service", "add", "--tenant-id", "acme",
        "--service", "connectwise", "--credentials-file", "-", "-c", config);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().strip()).isEqualTo(
        "--credentials-file stdin: expected a JSON object of the service's credentials, found a JSON array");
  }

  @Test
  void anUnknownTenantExitsOneSayingHowToAddIt() {
    Run run = cli.avesaWithStdin(CREDENTIALS, "service", "add", "--tenant-id", "initech", "--service", "connectwise",
        "--credentials-file", "-", "-c", config);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(run.err()).contains("tenant initech is not in table TenantServices")
        .contains("avesa tenant add --tenant-id initech").doesNotContain(SECRET_VALUE);
  }

  @Test
  void anUnknownServiceIsAOneLineUsageError() {
    Run run = cli.avesaWithStdin(CREDENTIALS, "service", "add", "--tenant-id", "acme", "--service", "halo",
        "--credentials-file", "-", "-c", config);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().strip()).isEqualTo("--service: 'halo' is not one of connectwise, servicenow, salesforce");
  }

  @Test
  void thereIsNoOptionThatTakesTheCredentialsThemselves() {
    Run help = cli.avesa("service", "add", "--help");
    Run guess = cli.avesa("service", "add", "--tenant-id", "acme", "--service", "connectwise",
        "--credentials", CREDENTIALS, "-c", config);

    assertThat(help.out()).contains("--credentials-file=FILE").contains("Example:")
        .doesNotContainPattern("--credentials[ =]");
    assertThat(guess.exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void evenAtDebugLevelNoLogLineCarriesTheCredentials() {
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    Logger aws = (Logger) LoggerFactory.getLogger("software.amazon.awssdk");
    Level rootBefore = root.getLevel();
    Level awsBefore = aws.getLevel();
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    root.addAppender(captured);
    root.setLevel(Level.DEBUG);
    aws.setLevel(Level.DEBUG);
    try {
      Run run = cli.avesaWithStdin(CREDENTIALS, "service", "add", "--tenant-id", "acme", "--service", "connectwise",
          "--credentials-file", "-", "-c", config);
      assertThat(run.exitCode()).isZero();
    } finally {
      root.setLevel(rootBefore);
      aws.setLevel(awsBefore);
      root.detachAppender(captured);
    }

    assertThat(captured.list).anyMatch(e -> e.getLoggerName().startsWith("software.amazon.awssdk"));
    assertThat(captured.list).noneMatch(e -> e.getFormattedMessage().contains(SECRET_VALUE));
  }
}
