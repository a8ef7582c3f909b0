package com.avesa.cutover.runtime.config;

import com.avesa.cutover.workflows.config.ConfigException;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and validates the one YAML configuration file. Unknown keys, wrong types and broken rules
 * are all collected and reported together in one {@link ConfigException}; nothing is returned
 * unless the whole file is valid. The returned config has every default filled in.
 */
public final class ConfigLoader {
  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  private ConfigLoader() {}

  /** Reads {@code file}; a missing or unreadable file is a {@link ConfigException} too. */
  public static MigrationConfig load(Path file) throws ConfigException {
    String source = file.toString();
    String yaml;
    try {
      yaml = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(source, "no such file", e);
    } catch (IOException e) {
      throw new ConfigException(source, "cannot read: " + e.getMessage(), e);
    }
    return parse(yaml, source);
  }

  /** Parses and validates {@code yaml}; {@code sourceName} prefixes every problem line. */
  public static MigrationConfig parse(String yaml, String sourceName) throws ConfigException {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new ConfigException(sourceName, describe(e), e);
    } catch (IOException e) {
      throw new ConfigException(sourceName, "cannot read: " + e.getMessage(), e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new ConfigException(sourceName, "the file is empty: expected a mapping with keys "
          + String.join(", ", ConfigReader.TOP_KEYS), null);
    }
    ConfigReader reader = new ConfigReader();
    MigrationConfig config = reader.read(root);
    if (!reader.problems().isEmpty()) {
      throw new ConfigException(sourceName, reader.problems());
    }
    return config;
  }

  private static String describe(JsonProcessingException e) {
    String what = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
    return where + "not valid YAML: " + what;
  }
}
