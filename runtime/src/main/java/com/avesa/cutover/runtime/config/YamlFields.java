package com.avesa.cutover.runtime.config;

import com.avesa.cutover.workflows.config.DurationLimits;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads typed values out of the YAML tree of a configuration file. A missing optional value gives
 * its default; a value of the wrong type adds {@code path: what is wrong} to the shared problem
 * list and gives a fallback, so that reading goes on and every problem is reported.
 */
final class YamlFields {
  private final List<String> problems;

  YamlFields(List<String> problems) {
    this.problems = problems;
  }

  /** Checks that {@code node} is a mapping and reports every key not in {@code known}. */
  boolean mapping(JsonNode node, String path, List<String> known) {
    String at = path.isEmpty() ? "(top level)" : path;
    if (node == null || !node.isObject()) {
      problems.add(at + ": must be a mapping with keys " + String.join(", ", known) + ", got " + kind(node));
      return false;
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        problems.add(join(path, name) + ": unknown key (known: " + String.join(", ", known) + ")");
      }
    }
    return true;
  }

  /** {@link #mapping(JsonNode, String, List)} with the keys of {@code section}'s record. */
  boolean mapping(JsonNode node, String path, Class<? extends Record> section) {
    return mapping(node, path, ConfigSchema.keys(section));
  }

  /** The section at {@code path} ({@code node}, already checked to be a mapping) read into a {@code type}. */
  <R extends Record> Section<R> section(Class<R> type, JsonNode node, String path) {
    return new Section<>(this, type, node, path);
  }

  /** The trimmed string at {@code key}; null when absent or blank (a problem if required). */
  String text(JsonNode parent, String path, String key, boolean required) {
    JsonNode node = parent.get(key);
    String at = join(path, key);
    if (absent(node) || (node.isTextual() && node.textValue().isBlank())) {
      if (required) {
        problems.add(at + ": required");
      }
      return null;
    }
    if (!node.isTextual()) {
      problems.add(at + ": must be a string, got " + kind(node) + (node.isValueNode() ? " (quote it)" : ""));
      return null;
    }
    return node.textValue().trim();
  }

  /** The items of the list at {@code key}; empty when absent. */
  List<JsonNode> list(JsonNode parent, String path, String key) {
    JsonNode node = parent.get(key);
    if (absent(node)) {
      return List.of();
    }
    if (!node.isArray()) {
      problems.add(join(path, key) + ": must be a list, got " + kind(node));
      return List.of();
    }
    List<JsonNode> items = new ArrayList<>();
    node.forEach(items::add);
    return items;
  }

  /** The strings of the list at {@code key}, as written; items of another type are problems. */
  List<String> strings(JsonNode parent, String path, String key) {
    List<String> values = new ArrayList<>();
    List<JsonNode> nodes = list(parent, path, key);
    for (int i = 0; i < nodes.size(); i++) {
      JsonNode item = nodes.get(i);
      if (item.isTextual()) {
        values.add(item.textValue());
      } else {
        problems.add(join(path, key) + "[" + i + "]: must be a string, got " + kind(item));
      }
    }
    return values;
  }

  int number(JsonNode parent, String path, String key, int fallback, int min, int max) {
    JsonNode node = parent.get(key);
    String at = join(path, key);
    if (absent(node)) {
      return fallback;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      problems.add(at + ": must be a whole number from " + min + " to " + max + ", got " + kind(node));
      return fallback;
    }
    int value = node.intValue();
    if (value < min || value > max) {
      problems.add(at + ": " + value + " is out of range: use " + min + " to " + max
          + " (default " + fallback + ")");
      return fallback;
    }
    return value;
  }

  /** A share from 0 to 1: a number ({@code 0.01}) or a percentage ({@code "1%"}). */
  double fraction(JsonNode parent, String path, String key, double fallback) {
    JsonNode node = parent.get(key);
    String at = join(path, key);
    if (absent(node)) {
      return fallback;
    }
    String fix = " (a share from 0 to 1 such as 0.01, or a percentage such as 1%; default " + fallback + ")";
    double value;
    if (node.isNumber()) {
      value = node.doubleValue();
    } else if (node.isTextual() && PERCENT.matcher(node.textValue().trim()).matches()) {
      String text = node.textValue().trim();
      value = Double.parseDouble(text.substring(0, text.length() - 1).trim()) / 100;
    } else {
      problems.add(at + ": must be a number" + fix + ", got " + (node.isTextual() ? "'" + node.textValue() + "'" : kind(node)));
      return fallback;
    }
    if (!(value >= 0 && value <= 1)) {
      problems.add(at + ": " + node.asText() + " is out of range" + fix);
      return fallback;
    }
    return value;
  }

  private static final Pattern PERCENT = Pattern.compile("\\d{1,3}(\\.\\d+)?\\s*%");

  /**
   * A size in bytes: a whole number, or a number with a binary unit ({@code 64MiB}, {@code 1 GiB},
   * {@code 512KiB}); {@code min} and {@code max} bound it.
   */
  long bytes(JsonNode parent, String path, String key, long fallback, long min, long max) {
    JsonNode node = parent.get(key);
    String at = join(path, key);
    if (absent(node)) {
      return fallback;
    }
    String fix = " (bytes, or a number with KiB, MiB or GiB, e.g. 64MiB; from " + SIZE.apply(min) + " to "
        + SIZE.apply(max) + ")";
    long value;
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      value = node.longValue();
    } else if (node.isTextual()) {
      Matcher m = SIZE_TEXT.matcher(node.textValue().trim());
      if (!m.matches()) {
        problems.add(at + ": '" + node.textValue() + "' is not a size" + fix);
        return fallback;
      }
      long unit = switch (m.group(2) == null ? "" : m.group(2).toUpperCase(Locale.ROOT)) {
        case "KIB" -> 1L << 10;
        case "MIB" -> 1L << 20;
        case "GIB" -> 1L << 30;
        default -> 1L;
      };
      value = Long.parseLong(m.group(1)) * unit;
    } else {
      problems.add(at + ": must be a size" + fix + ", got " + kind(node));
      return fallback;
    }
    if (value < min || value > max) {
      problems.add(at + ": " + SIZE.apply(value) + " is out of range" + fix);
      return fallback;
    }
    return value;
  }

  private static final Pattern SIZE_TEXT =
      Pattern.compile("(\\d{1,12})\\s*(KiB|MiB|GiB|B)?", Pattern.CASE_INSENSITIVE);
  private static final LongFunction<String> SIZE = v ->
      v % (1L << 30) == 0 ? v / (1L << 30) + "GiB" : v % (1L << 20) == 0 ? v / (1L << 20) + "MiB" : v + " bytes";

  /** A YAML boolean (true or false, unquoted); a quoted "yes" or "true" is a string, not a boolean. */
  boolean bool(JsonNode parent, String path, String key, boolean fallback) {
    JsonNode node = parent.get(key);
    if (absent(node)) {
      return fallback;
    }
    if (!node.isBoolean()) {
      problems.add(join(path, key) + ": must be true or false (without quotes), got " + kind(node)
          + (node.isTextual() ? " '" + node.textValue() + "'" : ""));
      return fallback;
    }
    return node.booleanValue();
  }

  /**
   * The ISO-8601 duration at {@code key} ({@link Duration#parse}: PT4H, PT30M, P7D), longer than
   * zero and at most {@code longest}; {@code fallback} when absent, null after a problem.
   * {@code example} is shown in problems.
   */
  Duration duration(JsonNode parent, String path, String key, Duration fallback, Duration longest, String example) {
    JsonNode node = parent.get(key);
    String at = join(path, key);
    if (absent(node)) {
      return fallback;
    }
    if (!node.isTextual()) {
      problems.add(at + ": must be an ISO-8601 duration (e.g. " + example + "), got " + kind(node));
      return null;
    }
    String text = node.textValue().trim();
    Duration value;
    try {
      value = Duration.parse(text);
    } catch (DateTimeParseException e) {
      // The number parsed, but it or the duration is too big for a long: too long, not malformed.
      boolean overflow = e.getCause() instanceof ArithmeticException || e.getCause() instanceof NumberFormatException;
      problems.add(at + ": '" + text + (overflow
          ? "' is longer than " + DurationLimits.describe(longest) + ", the longest allowed"
          : "' is not an ISO-8601 duration") + " (e.g. " + example + ")");
      return null;
    }
    if (value.isZero() || value.isNegative()) {
      problems.add(at + ": '" + text + "' must be longer than zero (e.g. " + example + ")");
      return null;
    }
    if (value.compareTo(longest) > 0) {
      problems.add(at + ": '" + text + "' is longer than " + DurationLimits.describe(longest)
          + ", the longest allowed (e.g. " + example + ")");
      return null;
    }
    return value;
  }

  /**
   * One of {@code allowed}, matched ignoring case and returned as listed there; {@code fallback}
   * when absent or after a problem.
   */
  String oneOf(JsonNode parent, String path, String key, List<String> allowed, String fallback) {
    JsonNode node = parent.get(key);
    String at = join(path, key);
    if (absent(node)) {
      return fallback;
    }
    String choices = String.join(", ", allowed.subList(0, allowed.size() - 1)) + " or " + allowed.get(allowed.size() - 1);
    if (!node.isTextual()) {
      problems.add(at + ": must be one of " + choices + ", got " + kind(node));
      return fallback;
    }
    String value = node.textValue().trim();
    for (String choice : allowed) {
      if (choice.equalsIgnoreCase(value)) {
        return choice;
      }
    }
    problems.add(at + ": '" + node.textValue() + "' is not one of " + choices);
    return fallback;
  }

  /**
   * The items read without a problem. An item that was not a mapping is null (and a problem); it
   * is left out so the records can still be built while the other problems are collected.
   */
  static <T> List<T> readItems(List<T> items) {
    return items.stream().filter(Objects::nonNull).toList();
  }

  static boolean absent(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }

  static String kind(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isNumber()) {
      return "a number";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    return "a string";
  }

  static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
