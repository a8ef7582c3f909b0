package com.avesa.cutover.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The compose stack ({@code docker-compose.yml}, {@code deploy/}): valid for {@code docker-compose
 * config -q}, every image pinned, every published port on 127.0.0.1 only, health checks on the
 * long-running services, and Prometheus scraping the worker that Grafana's dashboard reads.
 * Needs no Docker engine.
 */
class ComposeFileTest {
  private static final Path REPO = Launched.REPO;
  private static final Path COMPOSE = REPO.resolve("docker-compose.yml");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void dockerComposeConfigAcceptsTheFile() throws Exception {
    Optional<Path> dockerCompose = onPath("docker-compose");
    if (dockerCompose.isEmpty()) {
      String why = "docker-compose is not on PATH: install the Debian package docker-compose"
          + " (apt-get install docker-compose) to validate docker-compose.yml";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(why);
      }
      Assumptions.abort(why);
    }
    Path output = Files.createTempFile("compose-config", ".txt");
    try {
      Process process = new ProcessBuilder(dockerCompose.get().toString(), "-f", "docker-compose.yml", "config", "-q")
          .directory(REPO.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        fail("docker-compose config -q did not finish within 2 minutes");
      }
      assertThat(process.exitValue())
          .as("docker-compose -f docker-compose.yml config -q said:%n%s", Files.readString(output, StandardCharsets.UTF_8))
          .isZero();
    } finally {
      Files.deleteIfExists(output);
    }
  }

  @Test
  void theNamespaceJobRegistersEveryRunSearchAttributeAsKeyword() throws Exception {
    JsonNode job = services().path("temporal-namespace");
    String command = job.path("command").get(job.path("command").size() - 1).asText();
    String mount = null;
    for (JsonNode volume : job.path("volumes")) {
      String[] parts = volume.asText().split(":");
      if (command.startsWith(parts[1] + "/")) {
        mount = parts[0];
        command = command.substring(parts[1].length() + 1);
      }
    }
    assertThat(mount).as("the namespace job's script is mounted from the repository").isNotNull();
    Path script = REPO.resolve(mount).resolve(command).normalize();
    String text = Files.readString(script);

    assertThat(text).contains("temporal operator search-attribute create").contains("--type Keyword");
    Matcher loop = Pattern.compile("for attribute in ([A-Za-z ]+); do").matcher(text);
    assertThat(loop.find()).as("a loop over the attributes in %s", script).isTrue();
    Map<String, io.temporal.api.enums.v1.IndexedValueType> required = com.avesa.cutover.workflows.RunSearchAttributes.REQUIRED;
    assertThat(List.of(loop.group(1).trim().split(" +"))).containsExactlyInAnyOrderElementsOf(required.keySet());
    assertThat(required.values()).containsOnly(io.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    Process syntax = new ProcessBuilder("sh", "-n", script.toString()).redirectErrorStream(true).start();
    assertThat(syntax.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(syntax.exitValue()).as(new String(syntax.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
  }

  @Test
  void everyImageIsPinnedToATagThatIsNotLatest() throws IOException {
    List<String> problems = new ArrayList<>();
    services().fields().forEachRemaining(service -> {
      JsonNode image = service.getValue().get("image");
      if (image == null) {
        if (!service.getValue().has("build")) {
          problems.add(service.getKey() + ": neither image nor build");
        }
        return;
      }
      String tag = tagOf(image.asText());
      if (tag == null || tag.isBlank() || tag.equals("latest")) {
        problems.add(service.getKey() + ": image " + image.asText() + " is not pinned (needs a tag other than latest)");
      }
      if (image.asText().startsWith("temporalio/auto-setup")) {
        problems.add(service.getKey() + ": temporalio/auto-setup is deprecated; use temporalio/server + admin-tools");
      }
    });
    assertThat(problems).isEmpty();
  }

  @Test
  void everyPublishedPortIsBoundToLoopback() throws IOException {
    List<String> problems = new ArrayList<>();
    int published = 0;
    for (Map.Entry<String, JsonNode> service : entries(services())) {
      for (JsonNode port : service.getValue().path("ports")) {
        published++;
        boolean loopback = port.isObject()
            ? "127.0.0.1".equals(port.path("host_ip").asText())
            : port.asText().startsWith("127.0.0.1:") && port.asText().split(":").length == 3;
        if (!loopback) {
          problems.add(service.getKey() + ": port " + port + " is not bound to 127.0.0.1 (write \"127.0.0.1:HOST:CONTAINER\")");
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(published).as("published ports").isPositive();
  }

  @Test
  void theStackHasTheServicesOfTheIssueWithTheUiAtLeast2_34_4() throws IOException {
    JsonNode services = services();
    assertThat(images(services)).anyMatch(i -> i.startsWith("postgres:"))
        .anyMatch(i -> i.startsWith("temporalio/server:"))
        .anyMatch(i -> i.startsWith("temporalio/admin-tools:"))
        .anyMatch(i -> i.startsWith("temporalio/ui:"))
        .anyMatch(i -> i.startsWith("motoserver/moto:"))
        .anyMatch(i -> i.startsWith("prom/prometheus:"))
        .anyMatch(i -> i.startsWith("grafana/grafana:"));
    String ui = images(services).stream().filter(i -> i.startsWith("temporalio/ui:")).findFirst().orElseThrow();
    assertThat(atLeast(tagOf(ui), 2, 34, 4)).as("%s is at least 2.34.4 (sends Updates)", ui).isTrue();
    JsonNode uiEnv = serviceWithImage(services, "temporalio/ui:").path("environment");
    assertThat(uiEnv.path("TEMPORAL_CODEC_ENDPOINT").asText()).isNotBlank();
    assertThat(uiEnv.path("TEMPORAL_CORS_ORIGINS").asText()).contains("http://localhost:8080");

    JsonNode worker = services.path("worker");
    assertThat(worker.has("build")).as("the worker is built from the Dockerfile").isTrue();
    assertThat(worker.path("depends_on").path("temporal").path("condition").asText()).isEqualTo("service_healthy");
    assertThat(worker.path("environment").path("METRICS_HOST").asText()).isEqualTo("0.0.0.0");
    assertThat(worker.path("environment").path("TEMPORAL_ADDRESS").asText()).isEqualTo("temporal:7233");
  }

  @Test
  void theUiCallsTheCodecEndpointOnItsOwnLoopbackPortWithTheToken() throws IOException {
    JsonNode services = services();
    JsonNode workerEnv = services.path("worker").path("environment");
    String codecPort = workerEnv.path("CODEC_PORT").asText();
    List<String> ports = new ArrayList<>();
    services.path("worker").path("ports").forEach(p -> ports.add(p.asText()));
    JsonNode uiEnv = serviceWithImage(services, "temporalio/ui:").path("environment");

    assertThat(codecPort).isNotBlank().isNotEqualTo(workerEnv.path("METRICS_PORT").asText());
    assertThat(ports).contains("127.0.0.1:" + codecPort + ":" + codecPort);
    assertThat(workerEnv.path("AVESA_CODEC_TOKEN").asText()).isEqualTo("${AVESA_CODEC_TOKEN:-}");
    assertThat(workerEnv.path("AVESA_CODEC_KEYS").asText()).isEqualTo("${AVESA_CODEC_KEYS:-}");
    assertThat(uiEnv.path("TEMPORAL_CODEC_ENDPOINT").asText())
        .isEqualTo("http://localhost:" + codecPort + "/codec/${AVESA_CODEC_TOKEN:-}");
    assertThat(workerEnv.path("AVESA_CODEC_HOSTS").asText().split(",")).contains("localhost:" + codecPort);
    assertThat(uiEnv.path("TEMPORAL_CORS_ORIGINS").asText()).contains(workerEnv.path("AVESA_CODEC_CORS_ORIGIN").asText());
  }

  @Test
  void longRunningServicesHaveHealthChecksAndOneShotJobsFinish() throws IOException {
    JsonNode services = services();
    Set<String> oneShot = new HashSet<>();
    for (Map.Entry<String, JsonNode> service : entries(services)) {
      if ("no".equals(service.getValue().path("restart").asText())) {
        oneShot.add(service.getKey());
      }
      for (Map.Entry<String, JsonNode> dependency : entries(service.getValue().path("depends_on"))) {
        if ("service_completed_successfully".equals(dependency.getValue().path("condition").asText())) {
          oneShot.add(dependency.getKey());
        }
      }
    }
    assertThat(oneShot).as("one-shot jobs").contains("seed-demo");
    List<String> withoutHealthCheck = new ArrayList<>();
    for (Map.Entry<String, JsonNode> service : entries(services)) {
      if (!oneShot.contains(service.getKey()) && !service.getValue().has("healthcheck")) {
        withoutHealthCheck.add(service.getKey());
      }
    }
    assertThat(withoutHealthCheck).as("long-running services without a healthcheck").isEmpty();
    JsonNode seed = services.path("seed-demo");
    assertThat(seed.path("depends_on").path("moto").path("condition").asText()).isEqualTo("service_healthy");
  }

  @Test
  void everyBindMountedFileOrFolderExists() throws IOException {
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, JsonNode> service : entries(services())) {
      for (JsonNode volume : service.getValue().path("volumes")) {
        String source = volume.isObject() ? volume.path("source").asText() : volume.asText().split(":")[0];
        if (source.startsWith("./") && !Files.exists(REPO.resolve(source))) {
          missing.add(service.getKey() + ": " + source);
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void prometheusScrapesTheWorkerAndGrafanasDashboardReadsPrometheus() throws IOException {
    JsonNode services = services();
    JsonNode prometheus = serviceWithImage(services, "prom/prometheus:");
    String configSource = null;
    for (JsonNode volume : prometheus.path("volumes")) {
      String[] parts = volume.asText().split(":");
      if (parts.length >= 2 && parts[1].equals("/etc/prometheus/prometheus.yml")) {
        configSource = parts[0];
      }
    }
    assertThat(configSource).as("prometheus mounts a config at /etc/prometheus/prometheus.yml").isNotNull();
    JsonNode config = YAML.readTree(REPO.resolve(configSource).toFile());
    List<String> targets = new ArrayList<>();
    for (JsonNode scrape : config.path("scrape_configs")) {
      for (JsonNode statics : scrape.path("static_configs")) {
        statics.path("targets").forEach(t -> targets.add(t.asText()));
      }
    }
    String workerPort = services.path("worker").path("environment").path("METRICS_PORT").asText("9464");
    assertThat(targets).contains("worker:" + workerPort);

    Path dashboards = REPO.resolve("deploy/grafana/dashboards");
    Path dashboardFile = dashboards.resolve("avesa-cutover.json");
    JsonNode dashboard = JSON.readTree(dashboardFile.toFile());
    JsonNode provisioned = YAML.readTree(REPO.resolve("deploy/grafana/provisioning/datasources/prometheus.yml").toFile())
        .path("datasources").get(0);
    assertThat(provisioned.path("type").asText()).as("the $datasource variable lists Prometheus data sources")
        .isEqualTo(dashboard.path("templating").path("list").get(0).path("query").asText());
    assertThat(provisioned.path("isDefault").asBoolean()).as("the provisioned Prometheus is the default").isTrue();
    StringBuilder queries = new StringBuilder();
    for (JsonNode panel : dashboard.path("panels")) {
      if (panel.path("type").asText().equals("row")) {
        continue;
      }
      assertThat(panel.path("datasource").path("uid").asText()).as("datasource of %s", panel.path("title")).isEqualTo("${datasource}");
      panel.path("targets").forEach(t -> queries.append(t.path("expr").asText()).append('\n'));
    }
    assertThat(queries.toString()).contains(
        "avesa_objects_copied_total", "avesa_bytes_copied_total", "avesa_items_copied_total",
        "avesa_verification_failures_total", "avesa_sync_lag_objects", "avesa_sync_lag_bytes",
        "avesa_cutover_phase", "avesa_migration_phase", "temporal_workflow_endtoend_latency_seconds_bucket",
        "temporal_activity_execution_latency_seconds_bucket", "temporal_activity_execution_failed_total",
        "temporal_worker_task_slots_available");
    JsonNode provider = YAML.readTree(REPO.resolve("deploy/grafana/provisioning/dashboards/avesa.yml").toFile())
        .path("providers").get(0);
    String providerPath = provider.path("options").path("path").asText();
    boolean mounted = false;
    for (JsonNode volume : serviceWithImage(services, "grafana/grafana:").path("volumes")) {
      String[] parts = volume.asText().split(":");
      mounted |= parts.length >= 2 && parts[1].equals(providerPath) && REPO.resolve(parts[0]).normalize().equals(dashboards);
    }
    assertThat(mounted).as("grafana mounts deploy/grafana/dashboards at the provider path %s", providerPath).isTrue();
  }

  private static JsonNode services() throws IOException {
    JsonNode services = YAML.readTree(COMPOSE.toFile()).path("services");
    assertThat(services.size()).as("services in %s", COMPOSE).isPositive();
    return services;
  }

  private static List<Map.Entry<String, JsonNode>> entries(JsonNode node) {
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    node.fields().forEachRemaining(entries::add);
    return entries;
  }

  private static List<String> images(JsonNode services) {
    List<String> images = new ArrayList<>();
    services.forEach(s -> {
      if (s.has("image")) {
        images.add(s.path("image").asText());
      }
    });
    return images;
  }

  private static JsonNode serviceWithImage(JsonNode services, String prefix) {
    for (JsonNode service : services) {
      if (service.path("image").asText().startsWith(prefix)) {
        return service;
      }
    }
    throw new AssertionError("no service with image " + prefix + "*");
  }

  /** The tag of {@code image} ({@code registry:5000/name:tag@sha256:…}), or null when it has none. */
  static String tagOf(String image) {
    String withoutDigest = image.split("@", 2)[0];
    String name = withoutDigest.substring(withoutDigest.lastIndexOf('/') + 1);
    int colon = name.indexOf(':');
    return colon < 0 ? null : name.substring(colon + 1);
  }

  private static boolean atLeast(String version, int major, int minor, int patch) {
    Matcher m = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+).*").matcher(version);
    if (!m.matches()) {
      return false;
    }
    int[] have = {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
    int[] want = {major, minor, patch};
    for (int i = 0; i < 3; i++) {
      if (have[i] != want[i]) {
        return have[i] > want[i];
      }
    }
    return true;
  }

  private static Optional<Path> onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      Path candidate = Path.of(dir, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
