package com.avesa.cutover.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.avesa.cutover.workflows.config.AccountSetupConfig;
import com.avesa.cutover.workflows.config.AlarmSelector;
import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.config.BucketMapping;
import com.avesa.cutover.workflows.config.ConfigException;
import com.avesa.cutover.workflows.config.ConfigKeys;
import com.avesa.cutover.workflows.config.CopyMode;
import com.avesa.cutover.workflows.config.CutoverConfig;
import com.avesa.cutover.workflows.config.DataConfig;
import com.avesa.cutover.workflows.config.DecommissionConfig;
import com.avesa.cutover.workflows.config.DnsAlias;
import com.avesa.cutover.workflows.config.DnsConfig;
import com.avesa.cutover.workflows.config.ExtrasProtection;
import com.avesa.cutover.workflows.config.InfrastructureConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.config.MonitorConfig;
import com.avesa.cutover.workflows.config.RoleConfig;
import com.avesa.cutover.workflows.config.SecretFilter;
import com.avesa.cutover.workflows.config.SecurityConfig;
import com.avesa.cutover.workflows.config.SmokeTest;
import com.avesa.cutover.workflows.config.TableMapping;
import com.avesa.cutover.workflows.config.TenantsConfig;
import com.avesa.cutover.workflows.config.ValidationConfig;
import com.avesa.cutover.workflows.estate.AccountConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The config keys are declared once, by the records: every component of every config record is a
 * key the reader accepts (or is marked as not one), every key the reader accepts is a component,
 * and a component the readers do not know of is still read, with its record's default.
 */
class ConfigSchemaTest {
  private static final YAMLMapper YAML = new YAMLMapper();

  /** Every section of a file, at a path where the file below has it. */
  private static final Map<String, Class<? extends Record>> SECTIONS = new LinkedHashMap<>();

  static {
    SECTIONS.put("", MigrationConfig.class);
    SECTIONS.put("source", AccountConfig.class);
    SECTIONS.put("target", AccountConfig.class);
    SECTIONS.put("data", DataConfig.class);
    SECTIONS.put("data.buckets[0]", BucketMapping.class);
    SECTIONS.put("data.tables[0]", TableMapping.class);
    SECTIONS.put("data.secrets", SecretFilter.class);
    SECTIONS.put("data.protect", ExtrasProtection.class);
    SECTIONS.put("data.protect.prefixes[0]", ProtectSectionReader.BucketPrefix.class);
    SECTIONS.put("data.protect.items[0]", ExtrasProtection.ProtectedItem.class);
    SECTIONS.put("cutover", CutoverConfig.class);
    SECTIONS.put("cutover.dns", DnsConfig.class);
    SECTIONS.put("cutover.dns.alias", DnsAlias.class);
    SECTIONS.put("cutover.smokeTests[0]", SmokeTest.class);
    SECTIONS.put("cutover.alarms", AlarmSelector.class);
    SECTIONS.put("cutover.monitor", MonitorConfig.class);
    SECTIONS.put("approvals", ApprovalsConfig.class);
    SECTIONS.put("account", AccountSetupConfig.class);
    SECTIONS.put("account.create", AccountSetupConfig.NewAccount.class);
    SECTIONS.put("role", RoleConfig.class);
    SECTIONS.put("security", SecurityConfig.class);
    SECTIONS.put("infrastructure", InfrastructureConfig.class);
    SECTIONS.put("tenants", TenantsConfig.class);
    SECTIONS.put("decommission", DecommissionConfig.class);
    SECTIONS.put("decommission.remove", DecommissionConfig.Removal.class);
    SECTIONS.put("validation", ValidationConfig.class);
  }

  /** A file with every section, each as a mapping. */
  private static final String EVERY_SECTION = """
      name: avesa-prod
      region: us-east-1
      source: { accountId: "123456789012" }
      target: { accountId: "987654321098" }
      data:
        buckets: [ { source: src-bucket, target: dst-bucket } ]
        tables: [ { source: TenantServices-prod, target: TenantServices } ]
        secrets: { include: ["tenant/*/prod"] }
        protect:
          prefixes: [ { bucket: dst-bucket, prefix: exports/ } ]
          items: [ { table: TenantServices, key: { tenant_id: t1 } } ]
      cutover:
        sourceRules: [Ingest]
        dns: { hostedZoneId: Z123, name: api.example.com, alias: { hostedZoneId: Z456, dnsName: lb.example.com } }
        smokeTests: [ { function: smoke } ]
        alarms: { names: [HighErrorRate] }
        monitor: { newObjects: true }
      approvals: { approvers: [alice], identity: declared }
      account: { create: { email: ops@avesa.example.com, name: avesa-prod } }
      role: { name: AVESADeploymentRole }
      security: { billingThreshold: 100 }
      infrastructure: { stacks: [Pipeline] }
      tenants: { environment: prod }
      decommission: { archiveBucket: archive-bucket, remove: { bucketObjects: true } }
      validation: { knownPrefixes: [tmp/] }
      """;

  @Test
  void theFileWithEverySectionIsValid() throws ConfigException {
    assertThat(ConfigLoader.parse(EVERY_SECTION, "f").runbook().decommission().remove().bucketObjects()).isTrue();
  }

  @Test
  void everySectionOfTheRecordsIsListedHere() {
    Set<Class<?>> listed = new LinkedHashSet<>(SECTIONS.values());
    assertThat(listed).containsAll(reachable(MigrationConfig.class));
  }

  @Test
  void everyComponentIsAnAllowedKeyUnlessMarkedAndEveryAllowedKeyIsAComponent() throws Exception {
    for (Map.Entry<String, Class<? extends Record>> section : SECTIONS.entrySet()) {
      List<String> expected = componentKeys(section.getValue());
      assertThat(ConfigSchema.keys(section.getValue())).as(section.getKey()).containsExactlyElementsOf(expected);

      // the reader accepts every key as known, and names exactly these when one is not
      String at = section.getKey().isEmpty() ? "" : section.getKey() + ".";
      assertThat(problems(withKey(section.getKey(), "notAKey")))
          .as(section.getKey())
          .contains(at + "notAKey: unknown key (known: " + String.join(", ", expected) + ")")
          .noneMatch(problem -> expected.stream().anyMatch(key -> problem.startsWith(at + key + ": unknown key")));
    }
  }

  @Test
  void onlyTheMarkedComponentsAreNoKeys() {
    List<String> marked = new ArrayList<>();
    for (Class<? extends Record> type : new LinkedHashSet<>(SECTIONS.values())) {
      for (RecordComponent component : type.getRecordComponents()) {
        if (!ConfigSchema.isKey(component)) {
          marked.add(type.getSimpleName() + "." + component.getName());
        }
      }
    }
    assertThat(marked).containsExactly("MigrationConfig.runbook", "ExtrasProtection.bucketPrefixes");
  }

  /** A record as a config section might gain it: no reader code names any of its components. */
  record Sample(String label, int count, boolean on, Duration pause, CopyMode mode, List<String> tags,
      @ConfigKeys.NotAKey("derived") String derived, Inner inner) {
    public static final int DEFAULT_COUNT = 3;
    public static final int MIN_COUNT = 1;
    public static final int MAX_COUNT = 10;
    public static final Duration DEFAULT_PAUSE = Duration.ofMinutes(5);
    public static final Duration MAX_PAUSE = Duration.ofHours(1);
    public static final CopyMode DEFAULT_MODE = CopyMode.STREAM;
    public static final String DEFAULT_LABEL = "plain";
  }

  record Inner(boolean deep, int level) {}

  /** A component of a type {@link Section} has no reading for. */
  record Odd(long size) {}

  @Test
  void aNewComponentIsReadWithItsRecordsDefaultWithoutReaderCode() throws Exception {
    List<String> problems = new ArrayList<>();
    Sample defaults = read(problems, "{}");
    assertThat(problems).isEmpty();
    assertThat(defaults).isEqualTo(new Sample("plain", 3, false, Duration.ofMinutes(5), CopyMode.STREAM, List.of(),
        null, null));
    assertThat(ConfigSchema.keys(Sample.class)).containsExactly("label", "count", "on", "pause", "mode", "tags",
        "inner");

    Sample given = read(problems, "{label: x, count: 7, on: true, pause: PT10M, mode: Server, tags: [a], "
        + "inner: {deep: true}}");
    assertThat(problems).isEmpty();
    assertThat(given).isEqualTo(new Sample("x", 7, true, Duration.ofMinutes(10), CopyMode.SERVER, List.of("a"), null,
        new Inner(true, 0)));
  }

  @Test
  void aNewComponentIsCheckedAgainstItsRecordsBoundsInComponentOrder() throws Exception {
    List<String> problems = new ArrayList<>();
    read(problems, "{count: 11, on: \"true\", pause: PT2H, mode: fast, tags: 3, inner: {deep: 1, colour: red}}");
    assertThat(problems).containsExactly(
        "s.count: 11 is out of range: use 1 to 10 (default 3)",
        "s.on: must be true or false (without quotes), got a string 'true'",
        "s.pause: 'PT2H' is longer than PT1H, the longest allowed (e.g. PT5M)",
        "s.mode: 'fast' is not one of auto, server or stream",
        "s.tags: must be a list, got a number",
        "s.inner.colour: unknown key (known: deep, level)",
        "s.inner.deep: must be true or false (without quotes), got a number");
  }

  @Test
  void aComponentOfATypeWithoutAReadingMustBeReadByItsReader() throws Exception {
    Section<Odd> section = new YamlFields(new ArrayList<>()).section(Odd.class, YAML.readTree("{}"), "s");
    assertThatThrownBy(section::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Odd.size: a long is not read by its type: read it in the section's reader");
  }

  @Test
  void aReaderCannotPutAComponentTheRecordDoesNotHave() throws Exception {
    Section<Sample> section = new YamlFields(new ArrayList<>()).section(Sample.class, YAML.readTree("{}"), "s");
    assertThatThrownBy(() -> section.put("cuont", 1)).hasMessage("Sample has no component cuont");
  }

  private static Sample read(List<String> problems, String yaml) throws Exception {
    problems.clear();
    YamlFields fields = new YamlFields(problems);
    JsonNode node = YAML.readTree(yaml);
    assertThat(fields.mapping(node, "s", Sample.class)).isTrue();
    return fields.section(Sample.class, node, "s").build();
  }

  /** The components of {@code type} that are keys, an inline record's in its place, by reflection alone. */
  private static List<String> componentKeys(Class<?> type) {
    List<String> keys = new ArrayList<>();
    for (RecordComponent component : type.getRecordComponents()) {
      if (component.isAnnotationPresent(ConfigKeys.Inline.class)) {
        keys.addAll(componentKeys(component.getType()));
      } else if (!component.isAnnotationPresent(ConfigKeys.NotAKey.class)) {
        keys.add(component.getName());
      }
    }
    return keys;
  }

  /** The records a file's sections are read into, from {@code root} down (lists and maps looked into). */
  private static Set<Class<?>> reachable(Class<?> root) {
    Set<Class<?>> found = new LinkedHashSet<>();
    Set<Class<?>> inline = new LinkedHashSet<>();
    List<Class<?>> todo = new ArrayList<>(List.of(root));
    while (!todo.isEmpty()) {
      Class<?> type = todo.remove(0);
      if (!type.isRecord() || !found.add(type)) {
        continue;
      }
      for (RecordComponent component : type.getRecordComponents()) {
        if (!ConfigSchema.isKey(component) && !component.isAnnotationPresent(ConfigKeys.Inline.class)) {
          continue;
        }
        todo.add(component.getType());
        if (component.isAnnotationPresent(ConfigKeys.Inline.class)) {
          inline.add(component.getType());
        }
        if (component.getGenericType() instanceof ParameterizedType generic) {
          for (Type argument : generic.getActualTypeArguments()) {
            if (argument instanceof Class<?> c) {
              todo.add(c);
            }
          }
        }
      }
    }
    // InfrastructureConfig.deploy is written as a name, not a section; the {bucket, prefix} items are a section
    found.removeAll(inline);
    found.remove(InfrastructureConfig.DeployCommand.class);
    found.add(ProtectSectionReader.BucketPrefix.class);
    return found;
  }

  /** {@link #EVERY_SECTION} with {@code key: 1} added to the section at {@code path}. */
  private static String withKey(String path, String key) throws Exception {
    JsonNode root = YAML.readTree(EVERY_SECTION);
    JsonNode node = root;
    for (String step : path.isEmpty() ? new String[0] : path.split("\\.")) {
      int bracket = step.indexOf('[');
      node = bracket < 0 ? node.get(step) : ((ArrayNode) node.get(step.substring(0, bracket))).get(0);
    }
    ((ObjectNode) node).put(key, 1);
    return YAML.writeValueAsString(root);
  }

  private static List<String> problems(String yaml) {
    try {
      ConfigLoader.parse(yaml, "f");
      return List.of();
    } catch (ConfigException e) {
      return Stream.of(e.getMessage().split("\n")).map(line -> line.substring("f: ".length())).toList();
    }
  }
}
