package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.cli.CliHarness.Run;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class TenantCommandTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();

  @TempDir Path dir;
  private TenantCli cli;
  private String config;

  @BeforeEach
  void setUp() {
    cli = new TenantCli(MOTO, dir);
    cli.createTable();
    config = cli.config().toString();
  }

  @AfterEach
  void tearDown() {
    cli.close();
  }

  @Test
  void addsATenantToTheTargetTableAndSaysSoTheSecondTimeItIsThere() {
    Run first = cli.avesa("tenant", "add", "--tenant-id", "test-tenant", "--company-name", "Test Company", "-c", config);
    Run second = cli.avesa("tenant", "add", "--tenant-id", "test-tenant", "--company-name", "Test Company", "-c", config);

    assertThat(first.exitCode()).isZero();
    assertThat(first.out().lines()).containsExactly("changed    tenant test-tenant: created");
    assertThat(second.exitCode()).isZero();
    assertThat(second.out().lines()).containsExactly("unchanged  tenant test-tenant: already in place");
    Map<String, AttributeValue> item = cli.dynamoDb().getItem(b -> b.tableName(TenantCli.TABLE)
        .key(Map.of("tenant_id", AttributeValue.fromS("test-tenant")))).item();
    assertThat(item.get("company_name").s()).isEqualTo("Test Company");
  }

  @Test
  void anotherCompanyUnderATakenIdExitsOneWithTheReason() {
    cli.avesa("tenant", "add", "--tenant-id", "acme", "--company-name", "Acme Corp", "-c", config);

    Run run = cli.avesa("tenant", "add", "--tenant-id", "acme", "--company-name", "Globex", "-c", config);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(run.err().lines()).containsExactly(
        "tenant acme already exists in TenantServices for company 'Acme Corp', not 'Globex': choose another --tenant-id");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void printsTheChangesAsJson() {
    Run run = cli.avesa("tenant", "add", "--tenant-id", "acme", "--company-name", "Acme Corp", "-c", config, "--json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualToIgnoringWhitespace(
        "{\"changed\":[{\"item\":\"tenant acme\",\"detail\":\"created\"}],\"unchanged\":[]}");
  }

  @Test
  void aBadTenantIdIsAOneLineUsageError() {
    Run run = cli.avesa("tenant", "add", "--tenant-id", "a/b", "--company-name", "Acme", "-c", config);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines()).singleElement().asString().startsWith("--tenant-id: 'a/b' is not a tenant id");
  }

  @Test
  void aConfigErrorExitsTwoNamingTheField() {
    Path bad = cli.write("bad.yaml", """
        name: avesa-test
        region: us-east-1
        source: { accountId: "123456789012" }
        target: { accountId: "987654321098" }
        data: { buckets: [ { source: a-bucket, target: b-bucket } ] }
        tenants: { tabel: TenantServices }
        """);

    Run run = cli.avesa("tenant", "add", "--tenant-id", "acme", "--company-name", "Acme", "-c", bad.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("tenants.tabel: unknown key");
  }

  @Test
  void theHelpShowsAnExampleAndAMissingSubcommandIsAUsageError() {
    Run help = cli.avesa("tenant", "add", "--help");
    Run bare = cli.avesa("tenant");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("Example:").contains("avesa tenant add --tenant-id");
    assertThat(bare.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(bare.err()).contains("a subcommand is required: add");
  }
}
