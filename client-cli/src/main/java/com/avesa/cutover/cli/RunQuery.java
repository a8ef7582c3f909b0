package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.RunSearchAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What {@code avesa list} asks for: runs of one workflow type, optionally only those whose run
 * search attributes match ({@code --config}, {@code --phase}, {@code --outcome}, {@code --gate}),
 * as a Temporal visibility query.
 */
record RunQuery(String workflowType, String config, String phase, String outcome, String gate) {
  /** What a filter value may be: config names, phases, outcomes and gates never need more. */
  static final Pattern VALUE = Pattern.compile("[A-Za-z0-9._:@/-]{1,200}");

  RunQuery {
    filters(config, phase, outcome, gate).forEach((option, value) -> {
      if (!VALUE.matcher(value).matches()) {
        throw new CliException(ExitCodes.USAGE, option + ": '" + value + "' is not a value a run can have"
            + " (letters, digits and . _ : @ / -, at most 200)");
      }
    });
  }

  /** Runs of {@code workflowType}, unfiltered. */
  static RunQuery of(String workflowType) {
    return new RunQuery(workflowType, null, null, null, null);
  }

  /** True when a search attribute is asked for. */
  boolean filtered() {
    return !filters(config, phase, outcome, gate).isEmpty();
  }

  /** The options given, e.g. {@code --config prod --gate cutover}. */
  String options() {
    List<String> given = new ArrayList<>();
    filters(config, phase, outcome, gate).forEach((option, value) -> given.add(option + " " + value));
    return String.join(" ", given);
  }

  /** The query for {@code ListWorkflowExecutions}, e.g. {@code WorkflowType = 'CutoverWorkflow' AND AvesaConfig = 'prod'}. */
  String visibilityQuery() {
    StringBuilder query = new StringBuilder("WorkflowType = '").append(workflowType).append('\'');
    Map<String, String> attributes = new LinkedHashMap<>();
    put(attributes, RunSearchAttributes.CONFIG.getName(), config);
    put(attributes, RunSearchAttributes.PHASE.getName(), phase);
    put(attributes, RunSearchAttributes.OUTCOME.getName(), outcome);
    put(attributes, RunSearchAttributes.PENDING_GATE.getName(), gate);
    attributes.forEach((name, value) -> query.append(" AND ").append(name).append(" = '").append(value).append('\''));
    return query.toString();
  }

  private static Map<String, String> filters(String config, String phase, String outcome, String gate) {
    Map<String, String> given = new LinkedHashMap<>();
    put(given, "--config", config);
    put(given, "--phase", phase);
    put(given, "--outcome", outcome);
    put(given, "--gate", gate);
    return given;
  }

  private static void put(Map<String, String> map, String key, String value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
