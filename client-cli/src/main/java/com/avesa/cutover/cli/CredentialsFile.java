package com.avesa.cutover.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a service's credentials: a JSON object from a file, or from stdin for {@code -}. Every
 * error names the file and, at most, where the JSON broke — never its content, which the JSON
 * parser's own messages would quote.
 */
final class CredentialsFile {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STDIN = "-";

  private CredentialsFile() {}

  static ObjectNode read(String file, InputStream stdin) {
    String name = STDIN.equals(file) ? "stdin" : file;
    byte[] bytes;
    try {
      bytes = STDIN.equals(file) ? stdin.readAllBytes() : Files.readAllBytes(Path.of(file));
    } catch (NoSuchFileException e) {
      throw new CliException(ExitCodes.USAGE, "--credentials-file " + name + ": no such file");
    } catch (IOException e) {
      throw new CliException(ExitCodes.USAGE, "--credentials-file " + name + ": cannot read it ("
          + e.getClass().getSimpleName() + ")");
    }
    JsonNode node;
    try {
      node = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new CliException(ExitCodes.USAGE, "--credentials-file " + name + ": not valid JSON" + where
          + "; expected a JSON object of the service's credentials");
    } catch (IOException e) {
      throw new CliException(ExitCodes.USAGE, "--credentials-file " + name + ": cannot read it");
    }
    if (!(node instanceof ObjectNode object)) {
      String found = node == null || node.isMissingNode() ? "nothing" : "a JSON " + node.getNodeType().name().toLowerCase();
      throw new CliException(ExitCodes.USAGE, "--credentials-file " + name + ": expected a JSON object of the "
          + "service's credentials, found " + found);
    }
    return object;
  }
}
