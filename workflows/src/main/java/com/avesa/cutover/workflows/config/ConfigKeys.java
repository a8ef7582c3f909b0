package com.avesa.cutover.workflows.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How the config records map to the YAML file. Each component of a config record is, by default,
 * the key of the same name in its section, in component order (that order is also the order of the
 * {@code known:} list of an unknown-key problem); its default when the file leaves it out is the
 * record's constant {@code DEFAULT_<NAME>} ({@code maxErrors}: {@code DEFAULT_MAX_ERRORS}), bounded
 * by {@code MIN_<NAME>} and {@code MAX_<NAME>} where the record has them. The two annotations here
 * mark the exceptions. They change nothing on the wire (Jackson does not read them).
 */
public final class ConfigKeys {
  private ConfigKeys() {}

  /** A component that is no key of its own: the reader fills it from other keys. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.RECORD_COMPONENT)
  public @interface NotAKey {
    /** Where its value comes from, e.g. {@code data.protect.prefixes}. */
    String value();
  }

  /** A record whose own keys sit in the enclosing section, not under a key of this name. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.RECORD_COMPONENT)
  public @interface Inline {}
}
