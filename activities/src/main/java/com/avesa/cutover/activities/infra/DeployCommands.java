package com.avesa.cutover.activities.infra;

import com.avesa.cutover.workflows.config.InfrastructureConfig.DeployCommand;
import com.avesa.cutover.workflows.infra.DeployRequest;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The deploy commands the worker's operator allows, from the worker's own file
 * ({@code AVESA_DEPLOY_COMMANDS}, e.g. {@code /etc/avesa/deploy.yaml}): a name for each, with its
 * program and arguments (no shell), working directory and timeout. A run only ever names one.
 *
 * <pre>
 * cdk-deploy:
 *   command: [cdk, deploy, --all, --require-approval, never]
 *   workdir: infrastructure      # relative to this file's directory; default: that directory
 *   timeout: PT1H                # default PT1H, at most PT6H
 * </pre>
 *
 * Read once when the worker starts; any problem stops it with one line naming the file.
 */
public final class DeployCommands {
  /** The variable that names the file. */
  public static final String VARIABLE = "AVESA_DEPLOY_COMMANDS";
  static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);
  private static final Set<String> KEYS = Set.of("command", "workdir", "timeout");
  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  private final String source;
  private final Map<String, Allowed> commands;

  private DeployCommands(String source, Map<String, Allowed> commands) {
    this.source = source;
    this.commands = Map.copyOf(commands);
  }

  /**
   * One allowed command.
   *
   * @param command the program and its arguments
   * @param workdir where it runs (absolute)
   * @param timeout when it is killed
   */
  public record Allowed(String name, List<String> command, Path workdir, Duration timeout) {}

  /** No commands: every named deploy is refused. What a worker without {@value #VARIABLE} has. */
  public static DeployCommands none() {
    return new DeployCommands(null, Map.of());
  }

  /**
   * The file {@value #VARIABLE} in {@code env} names, or {@link #none()} when it is unset.
   *
   * @throws InvalidDeployCommandsException naming the file and the problem
   */
  public static DeployCommands fromEnvironment(Map<String, String> env) {
    String file = env.get(VARIABLE);
    return file == null || file.isBlank() ? none() : read(Path.of(file.trim()));
  }

  /**
   * Reads {@code file}; an empty file allows nothing.
   *
   * @throws InvalidDeployCommandsException naming the file and the problem
   */
  public static DeployCommands read(Path file) {
    String where = VARIABLE + "=" + file;
    JsonNode root;
    try {
      root = YAML.readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      throw new InvalidDeployCommandsException(where + ": not valid YAML: "
          + e.getOriginalMessage().replaceAll("\\s+", " ").trim());
    } catch (IOException e) {
      throw new InvalidDeployCommandsException(where + ": cannot be read (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
    }
    Map<String, Allowed> commands = new TreeMap<>();
    if (root == null || root.isMissingNode() || root.isNull()) {
      return new DeployCommands(file.toString(), commands);
    }
    if (!root.isObject()) {
      throw new InvalidDeployCommandsException(where + ": expected a mapping of names to commands, e.g."
          + " cdk-deploy: { command: [cdk, deploy, --all] }");
    }
    Path base = file.toAbsolutePath().getParent();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      commands.put(entry.getKey(), allowed(where, base, entry.getKey(), entry.getValue()));
    }
    return new DeployCommands(file.toString(), commands);
  }

  private static Allowed allowed(String where, Path base, String name, JsonNode node) {
    if (!DeployCommand.NAME.matcher(name).matches()) {
      throw new InvalidDeployCommandsException(where + ": '" + name + "' is not a command name (1-64 of letters,"
          + " digits and ._-)");
    }
    String at = where + ": " + name;
    if (!node.isObject()) {
      throw new InvalidDeployCommandsException(at + ": expected a mapping with command, and optionally workdir and"
          + " timeout");
    }
    for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!KEYS.contains(key)) {
        throw new InvalidDeployCommandsException(at + "." + key + ": unknown key (known: command, workdir, timeout)");
      }
    }
    List<String> command = new ArrayList<>();
    node.path("command").forEach(arg -> command.add(arg.isValueNode() ? arg.asText() : ""));
    if (!node.path("command").isArray() || command.isEmpty() || command.stream().anyMatch(String::isEmpty)) {
      throw new InvalidDeployCommandsException(at + ".command: required, the program and its arguments as a list"
          + " of strings (no shell), e.g. [cdk, deploy, --all]");
    }
    Path workdir = node.hasNonNull("workdir") ? base.resolve(node.get("workdir").asText()).normalize() : base;
    if (!Files.isDirectory(workdir)) {
      throw new InvalidDeployCommandsException(at + ".workdir: " + workdir + " is not a directory (a relative"
          + " workdir is resolved against " + base + ")");
    }
    return new Allowed(name, List.copyOf(command), workdir, timeout(at, node.get("timeout")));
  }

  private static Duration timeout(String at, JsonNode node) {
    if (node == null || node.isNull()) {
      return DEFAULT_TIMEOUT;
    }
    Duration timeout;
    try {
      timeout = Duration.parse(node.asText());
    } catch (DateTimeParseException e) {
      throw new InvalidDeployCommandsException(at + ".timeout: '" + node.asText() + "' is not an ISO-8601 duration"
          + " (e.g. PT1H)");
    }
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(DeployRequest.LONGEST) > 0) {
      throw new InvalidDeployCommandsException(at + ".timeout: " + timeout + " must be more than zero and at most "
          + DeployRequest.LONGEST);
    }
    return timeout;
  }

  /** The command called {@code name}, when the operator allows one. */
  public Optional<Allowed> named(String name) {
    return Optional.ofNullable(name == null ? null : commands.get(name));
  }

  /** The names allowed, sorted. */
  public Set<String> names() {
    return new TreeMap<>(commands).keySet();
  }

  /** Where they come from, for messages: the file, or that there is none. */
  public String source() {
    return source == null ? "no " + VARIABLE + " file" : VARIABLE + "=" + source;
  }

  /** What the worker allows, for a refusal: e.g. {@code AVESA_DEPLOY_COMMANDS=/etc/avesa/deploy.yaml allows cdk-deploy}. */
  public String allowed() {
    if (source == null) {
      return "it has no " + VARIABLE + " file, so it allows none";
    }
    return source() + (commands.isEmpty() ? " allows none" : " allows " + String.join(", ", names()));
  }

  /** A deploy commands file the worker cannot use; the message is one line naming it. */
  public static final class InvalidDeployCommandsException extends IllegalArgumentException {
    InvalidDeployCommandsException(String message) {
      super(message);
    }
  }
}
