package com.avesa.cutover.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.activities.migration.MigrationMetrics;
import com.avesa.cutover.workflows.WorkflowMetrics;
import com.avesa.cutover.workflows.estate.Estate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.uber.m3.tally.StatsReporter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard ({@code deploy/grafana/dashboards/avesa-cutover.json}) asks only for series
 * the worker exports, through the {@code $datasource} and {@code $config} variables, and counts
 * with {@code rate()}/{@code increase()} so a worker restart does not reset a panel.
 */
class DashboardTest {
  private static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "dashboards", "avesa-cutover.json");
  private static final Pattern METRIC = Pattern.compile("\\b((?:avesa|temporal)_[a-z_]+)");
  private static final String OBJECTS_COPIED = "avesa_objects_copied_total";

  @Test
  void everySeriesTheDashboardQueriesIsOneTheWorkerExports() throws Exception {
    Set<String> exported = exportedFamilies();
    List<String> queried = new ArrayList<>();
    for (String expr : expressions(dashboard())) {
      Matcher metric = METRIC.matcher(expr);
      while (metric.find()) {
        queried.add(metric.group(1));
      }
    }

    assertThat(queried).isNotEmpty().allSatisfy(name -> assertThat(exported)
        .as("%s is exported by the worker", name).contains(name));
    assertThat(queried).contains(OBJECTS_COPIED, WorkflowMetrics.SYNC_LAG_OBJECTS,
        WorkflowMetrics.CUTOVER_PHASE, "temporal_workflow_endtoend_latency_seconds_bucket");
  }

  @Test
  void panelsUseTheDatasourceAndConfigVariablesAndCountersOnlyThroughRateOrIncrease() throws Exception {
    JsonNode dashboard = dashboard();
    List<String> variables = new ArrayList<>();
    dashboard.path("templating").path("list").forEach(v -> variables.add(v.path("name").asText() + ":" + v.path("type").asText()));
    assertThat(variables).containsExactly("datasource:datasource", "config:query");
    assertThat(dashboard.toString()).doesNotContain("avesa-prometheus");
    for (JsonNode panel : panels(dashboard)) {
      assertThat(panel.path("datasource").path("uid").asText()).as("datasource of %s", panel.path("title"))
          .isEqualTo("${datasource}");
    }

    for (String expr : expressions(dashboard)) {
      Matcher metric = METRIC.matcher(expr);
      while (metric.find()) {
        String name = metric.group(1);
        if (name.startsWith("avesa_")) {
          assertThat(expr.substring(metric.end())).as("%s in %s", name, expr).startsWith("{config=~\"$config\"}");
        }
        if (name.endsWith("_total") || name.endsWith("_bucket") || name.endsWith("_seconds_count")) {
          assertThat(expr.substring(0, metric.start())).as("%s in %s", name, expr).matches("(?s).*(rate|increase)\\($");
        }
      }
    }
  }

  /** The metric names a scrape of the worker can carry: ours as registered, the SDK's as its constants name them. */
  private static Set<String> exportedFamilies() throws IllegalAccessException {
    PrometheusMeterRegistry registry = WorkerMetrics.registry();
    Estate estate = new Estate("eu-west-1", null, null, null, "demo");
    MigrationMetrics migration = new MigrationMetrics(registry);
    migration.objectCopied(estate, 1);
    migration.objectsSkipped(estate, 1);
    migration.itemsCopied(estate, 1);
    migration.secretsCopied(estate, 1);
    migration.verificationFailures(estate, 1);
    StatsReporter reporter = new WorkflowMetricsReporter(registry, new MicrometerClientStatsReporter(registry));
    for (String name : WorkflowMetrics.HELP.keySet()) {
      if (name.equals(WorkflowMetrics.SYNC_RUNS)) {
        reporter.reportCounter(name, Map.of("config", "demo"), 1);
      } else {
        reporter.reportGauge(name, Map.of("config", "demo"), 1);
      }
    }
    Set<String> names = new HashSet<>();
    registry.scrape().lines().filter(line -> !line.startsWith("#") && !line.isBlank())
        .forEach(line -> names.add(line.split("[{ ]")[0]));
    Set<String> sdk = new HashSet<>();
    sdk.addAll(constants(io.temporal.worker.MetricsType.class));
    sdk.addAll(constants(io.temporal.serviceclient.MetricsType.class));
    for (String base : sdk) {
      names.add(base);
      names.add(base + "_total");
      for (String suffix : List.of("_bucket", "_count", "_sum", "_max")) {
        names.add(base + "_seconds" + suffix);
      }
    }
    assertThat(names).contains(OBJECTS_COPIED);
    return names;
  }

  private static Set<String> constants(Class<?> type) throws IllegalAccessException {
    Set<String> values = new HashSet<>();
    for (Field field : type.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        values.add((String) field.get(null));
      }
    }
    assertThat(values).as("metric names in %s", type).isNotEmpty();
    return values;
  }

  private static JsonNode dashboard() throws IOException {
    return new ObjectMapper().readTree(DASHBOARD.toFile());
  }

  private static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> panels = new ArrayList<>();
    dashboard.path("panels").forEach(panel -> {
      if (!panel.path("type").asText().equals("row")) {
        panels.add(panel);
      }
    });
    assertThat(panels).isNotEmpty();
    return panels;
  }

  private static List<String> expressions(JsonNode dashboard) {
    List<String> expressions = new ArrayList<>();
    for (JsonNode panel : panels(dashboard)) {
      panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText()));
    }
    return expressions;
  }
}
