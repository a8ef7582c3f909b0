package com.avesa.cutover.workflows.config;

import com.avesa.cutover.runtime.config.ConfigLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.avesa.cutover.workflows.estate.AccountConfig;
import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DefaultDataConverter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  static final String VALID = """
      name: avesa-prod
      region: us-east-1
      endpoint: http://127.0.0.1:5000
      source: { accountId: "123456789012", profile: default }
      target: { accountId: "987654321098", roleArn: "arn:aws:iam::987654321098:role/AVESADeploymentRole",
                externalId: avesa-deployment-key }
      data:
        buckets: [ { source: data-storage-msp, target: data-storage-msp-prod, prefixes: [] } ]
        tables:  [ { source: TenantServices-prod, target: TenantServices },
                   { source: LastUpdated-prod,    target: LastUpdated } ]
        secrets: { include: ["tenant/*/prod"] }
        concurrency: 32
      """;

  @Test
  void readsTheIssuesExampleWithEveryValue() throws ConfigException {
    MigrationConfig config = ConfigLoader.parse(VALID, "avesa.yaml");

    assertThat(config.name()).isEqualTo("avesa-prod");
    assertThat(config.region()).isEqualTo("us-east-1");
    assertThat(config.endpoint()).isEqualTo("http://127.0.0.1:5000");
    assertThat(config.source()).isEqualTo(new AccountConfig("123456789012", "default", null, null));
    assertThat(config.target()).isEqualTo(new AccountConfig("987654321098", null,
        "arn:aws:iam::987654321098:role/AVESADeploymentRole", "avesa-deployment-key"));
    assertThat(config.data().buckets())
        .containsExactly(new BucketMapping("data-storage-msp", "data-storage-msp-prod", List.of()));
    assertThat(config.data().tables()).containsExactly(
        new TableMapping("TenantServices-prod", "TenantServices"),
        new TableMapping("LastUpdated-prod", "LastUpdated"));
    assertThat(config.data().secrets().include()).containsExactly("tenant/*/prod");
    assertThat(config.data().concurrency()).isEqualTo(32);
  }

  @Test
  void fillsDefaultsForConcurrencyCopyModeAndSegments() throws ConfigException {
    MigrationConfig config = ConfigLoader.parse(minimal("buckets: [ { source: src-bucket, target: dst-bucket } ]"), "f");

    assertThat(config.data().concurrency()).isEqualTo(DataConfig.DEFAULT_CONCURRENCY);
    assertThat(config.data().copyMode()).isEqualTo(CopyMode.AUTO);
    assertThat(config.data().tableSegments()).isEqualTo(DataConfig.DEFAULT_TABLE_SEGMENTS)
        .isEqualTo(DataConfig.AUTO_TABLE_SEGMENTS);
    assertThat(config.endpoint()).isNull();
    assertThat(config.data().buckets().get(0).prefixes()).isEmpty();
  }

  @Test
  void readsCopyModeCaseInsensitively() throws ConfigException {
    MigrationConfig config = ConfigLoader.parse(minimal("copyMode: Stream\n  tableSegments: 16\n"
        + "  secrets: { include: [\"tenant/*/prod\"] }"), "f");

    assertThat(config.data().copyMode()).isEqualTo(CopyMode.STREAM);
    assertThat(config.data().tableSegments()).isEqualTo(16);
    assertThat(ConfigLoader.parse(minimal("tableSegments: Auto\n  secrets: { include: [\"tenant/*/prod\"] }"), "f")
        .data().tableSegments()).isEqualTo(DataConfig.AUTO_TABLE_SEGMENTS);
  }

  @Test
  void namesTheUnknownKeyAndTheKnownOnes() {
    assertThat(problems(VALID.replace("buckets:", "bukets:")))
        .contains("data.bukets: unknown key (known: buckets, tables, secrets, concurrency, copyMode, tableSegments, "
            + "multipartThreshold, deleteExtras, protect, verify, verifySample, partitions)");
    assertThat(problems(VALID + "colour: blue\n"))
        .contains("colour: unknown key (known: name, region, endpoint, source, target, data, cutover, approvals, account, role, security, infrastructure, tenants, decommission, validation)");
    assertThat(problems(VALID.replace("profile: default", "profil: default")))
        .contains("source.profil: unknown key (known: accountId, profile, roleArn, externalId)");
    assertThat(problems(VALID.replace("prefixes: []", "prefix: []")))
        .contains("data.buckets[0].prefix: unknown key (known: source, target, prefixes)");
  }

  @Test
  void verifiesInFullWithAOnePercentSampleForListingUnlessTheConfigSaysOtherwise() throws ConfigException {
    DataConfig defaults = ConfigLoader.parse(VALID, "f").data();
    DataConfig listing = ConfigLoader.parse(VALID + "  verify: Listing\n  verifySample: 0\n", "f").data();
    DataConfig percent = ConfigLoader.parse(VALID + "  verify: listing\n  verifySample: \"5%\"\n", "f").data();

    assertThat(defaults.verify()).isEqualTo(VerifyMode.LISTING);
    assertThat(defaults.verifySample()).isEqualTo(0.01);
    assertThat(listing.verify()).isEqualTo(VerifyMode.LISTING);
    assertThat(listing.verifySample()).isZero();
    assertThat(percent.verifySample()).isEqualTo(0.05);
  }

  @Test
  void aPayloadFromBeforeTheVerifySettingIsVerifiedInFullAsBefore() {
    String json = "{\"buckets\":[],\"tables\":[],\"concurrency\":8,\"copyMode\":\"AUTO\",\"tableSegments\":4,"
        + "\"multipartThreshold\":67108864,\"deleteExtras\":false}";
    Payload payload = Payload.newBuilder().putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
        .setData(ByteString.copyFromUtf8(json)).build();

    DataConfig old = DefaultDataConverter.STANDARD_INSTANCE.fromPayload(payload, DataConfig.class, DataConfig.class);

    assertThat(old.verify()).isEqualTo(VerifyMode.FULL);
    assertThat(old.concurrency()).isEqualTo(8);
  }

  @Test
  void reportsBadVerifySettingsTogether() {
    assertThat(problems(VALID + "  verify: sometimes\n  verifySample: 1.5\n  copyMode: fast\n")).contains(
        "data.verify: 'sometimes' is not one of listing or full",
        "data.verifySample: 1.5 is out of range (a share from 0 to 1 such as 0.01, or a percentage such as 1%; default 0.01)",
        "data.copyMode: 'fast' is not one of auto, server or stream");
    assertThat(problems(VALID + "  verifySample: lots\n")).contains(
        "data.verifySample: must be a number (a share from 0 to 1 such as 0.01, or a percentage such as 1%; default 0.01), "
            + "got 'lots'");
  }

  @Test
  void readsMirrorModeAndEveryKindOfProtection() throws ConfigException {
    MigrationConfig config = ConfigLoader.parse(VALID + """
          deleteExtras: true
          protect:
            prefixes: ["raw/test-msp/", {bucket: data-storage-msp-prod, prefix: exports/}]
            items: [{table: TenantServices, key: {tenant_id: test-msp}}, {table: LastUpdated, key: {tenant_id: x, n: 5}}]
            secrets: ["tenant/test-*/prod"]
        """, "f");

    assertThat(config.data().deleteExtras()).isTrue();
    ExtrasProtection protect = config.data().protect();
    assertThat(protect.prefixes()).containsExactly("raw/test-msp/");
    assertThat(protect.bucketPrefixes()).containsEntry("data-storage-msp-prod", List.of("exports/"));
    assertThat(protect.items()).containsExactly(
        new ExtrasProtection.ProtectedItem("TenantServices", java.util.Map.of("tenant_id", "test-msp")),
        new ExtrasProtection.ProtectedItem("LastUpdated", java.util.Map.of("tenant_id", "x", "n", "5")));
    assertThat(protect.secrets()).containsExactly("tenant/test-*/prod");
  }

  @Test
  void partitionsDefaultToEightAndAreBoundedWithOneLine() throws ConfigException {
    assertThat(ConfigLoader.parse(VALID, "f").data().partitions()).isEqualTo(DataConfig.DEFAULT_PARTITIONS);
    assertThat(ConfigLoader.parse(VALID + "  partitions: 1\n", "f").data().partitions()).isEqualTo(1);
    assertThat(problems(VALID + "  partitions: 0\n"))
        .contains("data.partitions: 0 is out of range: use 1 to 256 (default 8)");
  }

  @Test
  void extrasAreKeptAndNothingIsProtectedByDefault() throws ConfigException {
    MigrationConfig config = ConfigLoader.parse(VALID, "f");

    assertThat(config.data().deleteExtras()).isFalse();
    assertThat(config.data().protect()).isEqualTo(ExtrasProtection.NONE);
  }

  @Test
  void reportsEveryBadProtectionAtOnce() {
    assertThat(problems(VALID + """
          deleteExtras: "yes"
          protect:
            prefixes: ["", {bucket: b}, 7]
            items: [{table: TenantServices}, {key: {tenant_id: [a]}}]
            secrets: [" "]
            buckets: []
        """)).contains(
        "data.deleteExtras: must be true or false (without quotes), got a string 'yes'",
        "data.protect.prefixes[0]: an empty prefix protects every key: leave data.deleteExtras false instead",
        "data.protect.prefixes[1].prefix: required (a key prefix, e.g. exports/)",
        "data.protect.prefixes[2]: must be a key prefix (e.g. raw/test-msp/) or {bucket: NAME, prefix: P}, got a number",
        "data.protect.items[0].key: required, a mapping of key attributes to values (e.g. {tenant_id: test-msp}), got nothing",
        "data.protect.items[1].table: required",
        "data.protect.items[1].key.tenant_id: must be a string or a number, got a list",
        "data.protect.secrets[0]: empty glob (e.g. tenant/test-*/prod)",
        "data.protect.buckets: unknown key (known: prefixes, items, secrets)");
  }

  @Test
  void reportsWrongTypesWithTheirPath() {
    assertThat(problems(VALID.replace("concurrency: 32", "concurrency: lots")))
        .anyMatch(p -> p.startsWith("data.concurrency: must be a whole number"));
    assertThat(problems(VALID.replace("prefixes: []", "prefixes: raw/")))
        .anyMatch(p -> p.startsWith("data.buckets[0].prefixes: must be a list"));
    assertThat(problems(VALID.replace("prefixes: []", "prefixes: [ raw/, {a: b} ]")))
        .anyMatch(p -> p.startsWith("data.buckets[0].prefixes[1]: must be a string"));
    assertThat(problems(VALID.replace("region: us-east-1", "region: [us-east-1]")))
        .anyMatch(p -> p.startsWith("region: must be a string"));
    assertThat(problems(VALID.replace("secrets: { include: [\"tenant/*/prod\"] }", "secrets: [\"tenant/*/prod\"]")))
        .anyMatch(p -> p.startsWith("data.secrets: must be a mapping with keys include"));
  }

  @Test
  void requiresNameRegionAccountsAndData() {
    assertThat(problems("endpoint: http://localhost:5000\n")).contains(
        "name: required", "region: required",
        "source: required (a mapping with accountId and optionally profile, roleArn, externalId)",
        "target: required (a mapping with accountId and optionally profile, roleArn, externalId)",
        "data: required (what to migrate: buckets, tables and/or secrets)");
  }

  @Test
  void refusesANameThatCannotBeUsedInAWorkflowId() {
    assertThat(problems(VALID.replace("name: avesa-prod", "name: \"avesa prod/1\"")))
        .anyMatch(p -> p.startsWith("name: 'avesa prod/1' cannot be used in workflow ids"));
    assertThat(problems(VALID.replace("name: avesa-prod", "name: -prod")))
        .anyMatch(p -> p.startsWith("name: '-prod'"));
  }

  @Test
  void refusesARegionThatIsNotARegionCode() {
    assertThat(problems(VALID.replace("region: us-east-1", "region: US East")))
        .contains("region: 'US East' is not an AWS region code (e.g. us-east-1)");
  }

  @Test
  void refusesAnEndpointThatIsNotAnHttpUrl() {
    assertThat(problems(VALID.replace("http://127.0.0.1:5000", "127.0.0.1:5000")))
        .anyMatch(p -> p.startsWith("endpoint: '127.0.0.1:5000' is not a URL"));
    assertThat(problems(VALID.replace("http://127.0.0.1:5000", "ftp://host/")))
        .anyMatch(p -> p.startsWith("endpoint: 'ftp://host/' is not a URL"));
  }

  @Test
  void acceptsAnUnquotedAccountIdOnlyWithTwelveDigits() throws ConfigException {
    MigrationConfig config = ConfigLoader.parse(VALID.replace("\"123456789012\"", "123456789012"), "f");
    assertThat(config.source().accountId()).isEqualTo("123456789012");

    assertThat(problems(VALID.replace("\"123456789012\"", "12345678901")))
        .anyMatch(p -> p.startsWith("source.accountId: 12345678901 is not 12 digits"));
    assertThat(problems(VALID.replace("\"123456789012\"", "\"1234-5678-9012\"")))
        .anyMatch(p -> p.startsWith("source.accountId: '1234-5678-9012' is not 12 digits"));
    assertThat(problems(VALID.replace("accountId: \"987654321098\", ", "")))
        .anyMatch(p -> p.startsWith("target.accountId: required"));
  }

  @Test
  void requiresTheExternalIdWhenTheTargetAssumesARole() {
    assertThat(problems(VALID.replace("externalId: avesa-deployment-key", "profile: x")))
        .anyMatch(p -> p.startsWith("target.externalId: required when target.roleArn is set"));
  }

  @Test
  void refusesAnExternalIdWithoutARole() {
    assertThat(problems(VALID.replace("profile: default", "externalId: key")))
        .anyMatch(p -> p.startsWith("source.externalId: set but source.roleArn is not"));
  }

  @Test
  void checksTheRoleArnFormatAndItsAccount() {
    assertThat(problems(VALID.replace("arn:aws:iam::987654321098:role/AVESADeploymentRole", "AVESADeploymentRole")))
        .anyMatch(p -> p.startsWith("target.roleArn: 'AVESADeploymentRole' is not a role ARN"));
    assertThat(problems(VALID.replace("arn:aws:iam::987654321098:role", "arn:aws:iam::123456789012:role")))
        .anyMatch(p -> p.startsWith("target.roleArn: the role is in account 123456789012 but target.accountId is 987654321098"));
  }

  @Test
  void requiresValidBucketNames() {
    assertThat(problems(VALID.replace("source: data-storage-msp,", "source: Data_Storage,")))
        .anyMatch(p -> p.startsWith("data.buckets[0].source: 'Data_Storage' is not a valid S3 bucket name"));
    assertThat(problems(VALID.replace("target: data-storage-msp-prod,", "target: 192.168.1.1,")))
        .anyMatch(p -> p.startsWith("data.buckets[0].target: '192.168.1.1' is not a valid S3 bucket name"));
    assertThat(problems(VALID.replace("target: data-storage-msp-prod,", "")))
        .contains("data.buckets[0].target: required");
  }

  @Test
  void requiresTableSourceAndTargetAndDistinctTargets() {
    assertThat(problems(VALID.replace("source: LastUpdated-prod,", "")))
        .contains("data.tables[1].source: required");
    assertThat(problems(VALID.replace("target: LastUpdated", "target: TenantServices")))
        .contains("data.tables[1].target: TenantServices is already the target of data.tables[0]");
    assertThat(problems(VALID.replace("target: LastUpdated", "target: \"L\"")))
        .anyMatch(p -> p.startsWith("data.tables[1].target: 'L' is not a valid DynamoDB table name"));
  }

  @Test
  void readsTheMultipartThresholdInBytesOrBinaryUnits() throws ConfigException {
    assertThat(ConfigLoader.parse(VALID, "f").data().multipartThreshold()).isEqualTo(64L << 20);
    assertThat(ConfigLoader.parse(VALID.replace("concurrency: 32", "concurrency: 32\n  multipartThreshold: 16MiB"), "f")
        .data().multipartThreshold()).isEqualTo(16L << 20);
    assertThat(ConfigLoader.parse(VALID.replace("concurrency: 32", "concurrency: 32\n  multipartThreshold: 10485760"),
        "f").data().multipartThreshold()).isEqualTo(10L << 20);
  }

  @Test
  void refusesAMultipartThresholdOutsideWhatS3Allows() {
    assertThat(problems(VALID.replace("concurrency: 32", "concurrency: 32\n  multipartThreshold: 1MiB")))
        .containsExactly("data.multipartThreshold: 1MiB is out of range (bytes, or a number with KiB, MiB or GiB, "
            + "e.g. 64MiB; from 5MiB to 5GiB)");
    assertThat(problems(VALID.replace("concurrency: 32", "concurrency: 32\n  multipartThreshold: 6GiB")))
        .singleElement().asString().startsWith("data.multipartThreshold: 6GiB is out of range");
    assertThat(problems(VALID.replace("concurrency: 32", "concurrency: 32\n  multipartThreshold: big")))
        .singleElement().asString().startsWith("data.multipartThreshold: 'big' is not a size");
  }

  @Test
  void checksTheRangesOfConcurrencyAndSegmentsAndTheCopyMode() {
    assertThat(problems(VALID.replace("concurrency: 32", "concurrency: 0")))
        .contains("data.concurrency: 0 is out of range: use 1 to 1024 (default 32)");
    assertThat(problems(VALID.replace("concurrency: 32", "concurrency: 2000")))
        .contains("data.concurrency: 2000 is out of range: use 1 to 1024 (default 32)");
    assertThat(problems(VALID.replace("concurrency: 32", "tableSegments: 1001")))
        .contains("data.tableSegments: 1001 is out of range: use auto (the default: from the table's size) or 1 to 1000");
    assertThat(problems(VALID.replace("concurrency: 32", "tableSegments: 0")))
        .contains("data.tableSegments: 0 is out of range: use auto (the default: from the table's size) or 1 to 1000");
    assertThat(problems(VALID.replace("concurrency: 32", "tableSegments: many")))
        .contains("data.tableSegments: 'many' is not a segment count: use auto (the default: from the table's size) "
            + "or 1 to 1000");
    assertThat(problems(VALID.replace("concurrency: 32", "copyMode: fast")))
        .contains("data.copyMode: 'fast' is not one of auto, server or stream");
  }

  @Test
  void reportsAListItemThatIsNotAMapping() {
    assertThat(problems(VALID.replace("{ source: TenantServices-prod, target: TenantServices }", "TenantServices")))
        .containsExactly("data.tables[0]: must be a mapping with keys source, target, got a string");
    assertThat(problems(minimal("buckets: [ data-storage-msp ]")))
        .containsExactly("data.buckets[0]: must be a mapping with keys source, target, prefixes, got a string");
  }

  @Test
  void refusesAnEmptySecretGlob() {
    assertThat(problems(VALID.replace("\"tenant/*/prod\"", "\"\"")))
        .contains("data.secrets.include[0]: empty glob (e.g. tenant/*/prod)");
  }

  @Test
  void requiresSomethingToMigrate() {
    assertThat(problems(minimal("concurrency: 4")))
        .containsExactly("data: nothing to migrate: add at least one of data.buckets, data.tables "
            + "or a glob in data.secrets.include");
  }

  @Test
  void reportsEveryProblemOnItsOwnLinePrefixedWithTheFileName() {
    String yaml = VALID.replace("name: avesa-prod", "name: \"a b\"").replace("concurrency: 32", "concurrency: 0");

    assertThatThrownBy(() -> ConfigLoader.parse(yaml, "prod.yaml"))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> {
          ConfigException ce = (ConfigException) e;
          assertThat(ce.problems()).hasSize(2);
          assertThat(ce.getMessage().lines()).hasSize(2).allMatch(l -> l.startsWith("prod.yaml: "));
          assertThat(ce.lines()).isEqualTo(ce.getMessage().lines().toList());
        });
  }

  @Test
  void reportsAMissingFile(@TempDir Path dir) {
    Path missing = dir.resolve("nope.yaml");

    assertThatThrownBy(() -> ConfigLoader.load(missing))
        .isInstanceOf(ConfigException.class)
        .hasMessage(missing + ": no such file");
  }

  @Test
  void loadsAFileFromDisk(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("avesa.yaml"), VALID);

    assertThat(ConfigLoader.load(file).name()).isEqualTo("avesa-prod");
  }

  @Test
  void reportsYamlThatCannotBeReadWithItsLine() {
    assertThat(problems("name: a\nregion: [unclosed\n"))
        .singleElement().asString().startsWith("line ").contains("not valid YAML");
    assertThat(problems("name: a\nname: b\n"))
        .singleElement().asString().contains("not valid YAML").contains("name");
    assertThat(problems("")).singleElement().asString().startsWith("the file is empty");
    assertThat(problems("- a\n- b\n")).singleElement().asString().startsWith("(top level): must be a mapping");
  }

  private static String minimal(String dataLines) {
    return """
        name: n
        region: eu-west-1
        source: { accountId: "111111111111" }
        target: { accountId: "222222222222" }
        data:
          %s
        """.formatted(dataLines);
  }

  static List<String> problems(String yaml) {
    try {
      ConfigLoader.parse(yaml, "test.yaml");
    } catch (ConfigException e) {
      return e.problems();
    }
    throw new AssertionError("expected a ConfigException for:\n" + yaml);
  }
}
