package com.avesa.cutover.runtime.config;

import com.avesa.cutover.workflows.config.ConfigKeys;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The keys of a config file's sections, read off the config records (see {@link ConfigKeys}): a
 * section's allowed keys are its record's components, in order, less those marked
 * {@link ConfigKeys.NotAKey}, with the keys of an {@link ConfigKeys.Inline} component in its place.
 * A component's default and bounds are the record's {@code DEFAULT_}, {@code MIN_} and
 * {@code MAX_} constants of the component's name.
 */
final class ConfigSchema {
  private static final ClassValue<List<String>> KEYS = new ClassValue<>() {
    @Override
    protected List<String> computeValue(Class<?> type) {
      List<String> keys = new ArrayList<>();
      for (RecordComponent component : components(type)) {
        if (component.isAnnotationPresent(ConfigKeys.Inline.class)) {
          keys.addAll(get(component.getType()));
        } else if (isKey(component)) {
          keys.add(component.getName());
        }
      }
      return List.copyOf(keys);
    }
  };

  private ConfigSchema() {}

  /** The allowed keys of the section {@code type} is read from, in the order problems list them. */
  static List<String> keys(Class<? extends Record> type) {
    return KEYS.get(type);
  }

  static boolean isKey(RecordComponent component) {
    return !component.isAnnotationPresent(ConfigKeys.NotAKey.class)
        && !component.isAnnotationPresent(ConfigKeys.Inline.class);
  }

  static RecordComponent[] components(Class<?> type) {
    RecordComponent[] components = type.getRecordComponents();
    if (components == null) {
      throw new IllegalArgumentException(type.getName() + " is not a record");
    }
    return components;
  }

  /** The record's constant {@code PREFIX_NAME} for {@code component} ({@code maxErrors}: {@code MAX_ERRORS}). */
  static Optional<Object> constant(Class<?> type, String prefix, String component) {
    String name = prefix + "_" + component.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    try {
      Field field = type.getField(name);
      return Modifier.isStatic(field.getModifiers()) ? Optional.ofNullable(field.get(null)) : Optional.empty();
    } catch (NoSuchFieldException e) {
      return Optional.empty();
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(type.getName() + "." + name + " is not readable", e);
    }
  }

  /** {@code DEFAULT_NAME}, else the type's own zero: null, false, 0. */
  static Object defaultOf(Class<?> type, RecordComponent component) {
    Optional<Object> declared = constant(type, "DEFAULT", component.getName());
    if (declared.isPresent()) {
      return declared.get();
    }
    Class<?> t = component.getType();
    if (t == boolean.class) {
      return false;
    }
    if (t == int.class) {
      return 0;
    }
    if (t == long.class) {
      return 0L;
    }
    if (t == double.class) {
      return 0d;
    }
    return t == List.class ? List.of() : null;
  }
}
