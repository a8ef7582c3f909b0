package com.avesa.cutover.runtime.config;

import static com.avesa.cutover.runtime.config.YamlFields.absent;
import static com.avesa.cutover.runtime.config.YamlFields.join;

import com.avesa.cutover.workflows.config.DurationLimits;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One section of the file being read into its record {@code R}. The section reader {@link #put}s
 * the components it reads with rules of their own, in the order their problems are reported;
 * {@link #build} reads every other component by its type (string, boolean, whole number, duration,
 * enum, list of strings, nested record) with the default and bounds {@link ConfigSchema} finds, and
 * builds the record. So a new key is one record component and its {@code DEFAULT_} constant.
 */
final class Section<R extends Record> {
  private final YamlFields yaml;
  private final Class<R> type;
  private final JsonNode node;
  private final String path;
  private final RecordComponent[] components;
  private final Map<String, Object> values = new HashMap<>();

  Section(YamlFields yaml, Class<R> type, JsonNode node, String path) {
    this.yaml = yaml;
    this.type = type;
    this.node = node;
    this.path = path;
    this.components = ConfigSchema.components(type);
  }

  /** Sets component {@code name} to {@code value} (read by the section reader) and returns it. */
  <T> T put(String name, T value) {
    if (Stream.of(components).noneMatch(c -> c.getName().equals(name))) {
      throw new IllegalArgumentException(type.getSimpleName() + " has no component " + name);
    }
    values.put(name, value);
    return value;
  }

  /**
   * Reads component {@code name} by its type now (so its problems come in this order), with the
   * record's default and bounds, and puts it.
   */
  @SuppressWarnings("unchecked")
  <T> T read(String name) {
    RecordComponent component = Stream.of(components).filter(c -> c.getName().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(type.getSimpleName() + " has no component " + name));
    return (T) put(name, read(component));
  }

  /** The record: the components put, every other one read from the section by its type. */
  R build() {
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      types[i] = component.getType();
      args[i] = values.containsKey(component.getName()) ? values.get(component.getName()) : read(component);
    }
    try {
      Constructor<R> canonical = type.getDeclaredConstructor(types);
      canonical.setAccessible(true);
      return canonical.newInstance(args);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + type.getName(), e);
    }
  }

  private Object read(RecordComponent component) {
    String key = component.getName();
    Object fallback = ConfigSchema.defaultOf(type, component);
    if (!ConfigSchema.isKey(component) || node == null || !node.isObject()) {
      return fallback;
    }
    Class<?> t = component.getType();
    if (t == String.class) {
      String text = yaml.text(node, path, key, false);
      return text == null ? fallback : text;
    }
    if (t == boolean.class) {
      return yaml.bool(node, path, key, (Boolean) fallback);
    }
    if (t == int.class) {
      int min = ((Number) ConfigSchema.constant(type, "MIN", key).orElse(0)).intValue();
      int max = ((Number) ConfigSchema.constant(type, "MAX", key).orElse(Integer.MAX_VALUE)).intValue();
      return yaml.number(node, path, key, (Integer) fallback, min, max);
    }
    if (t == Duration.class) {
      Duration longest = (Duration) ConfigSchema.constant(type, "MAX", key).orElse(DurationLimits.CLI);
      return yaml.duration(node, path, key, (Duration) fallback, longest,
          fallback == null ? "PT1H" : DurationLimits.describe((Duration) fallback));
    }
    if (t.isEnum()) {
      List<String> names = Stream.of(t.getEnumConstants()).map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
          .toList();
      String chosen = yaml.oneOf(node, path, key, names,
          fallback == null ? null : ((Enum<?>) fallback).name().toLowerCase(Locale.ROOT));
      return chosen == null ? null : enumConstant(t, chosen.toUpperCase(Locale.ROOT));
    }
    if (t == List.class && component.getGenericType() instanceof ParameterizedType list
        && list.getActualTypeArguments()[0] == String.class) {
      return absent(node.get(key)) ? fallback : yaml.strings(node, path, key);
    }
    if (t.isRecord()) {
      JsonNode child = node.get(key);
      String at = join(path, key);
      if (absent(child) || !yaml.mapping(child, at, ConfigSchema.keys(t.asSubclass(Record.class)))) {
        return fallback;
      }
      return new Section<>(yaml, t.asSubclass(Record.class), child, at).build();
    }
    throw new IllegalStateException(type.getSimpleName() + "." + key + ": a " + t.getSimpleName()
        + " is not read by its type: read it in the section's reader");
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumConstant(Class<?> type, String name) {
    return Enum.valueOf((Class) type, name);
  }
}
