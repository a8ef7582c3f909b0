package com.avesa.cutover.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON the CLI prints: pretty (or one line for {@code -o jsonl}), ISO-8601 times and durations,
 * record component names as keys, map keys sorted.
 */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private static final ObjectMapper LINE = MAPPER.copy().disable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  /** {@code value} as compact JSON on one line, for {@code -o jsonl}. */
  static String line(Object value) {
    try {
      return LINE.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  /** An enum constant as the JSON writes it, unquoted: its name, or its {@code @JsonValue} where it has one. */
  static String text(Enum<?> constant) {
    return MAPPER.convertValue(constant, String.class);
  }

  /** {@code {"workflowId": "<id>"}} on one line: what a command that starts a run prints. */
  static String workflowId(String workflowId) {
    return "{\"workflowId\": " + write(workflowId) + "}";
  }
}
