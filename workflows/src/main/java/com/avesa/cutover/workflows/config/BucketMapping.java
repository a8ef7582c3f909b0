package com.avesa.cutover.workflows.config;

import java.util.List;

/** A source bucket copied to a target bucket; {@code prefixes} empty means the whole bucket. */
public record BucketMapping(String source, String target, List<String> prefixes) {
  public BucketMapping {
    prefixes = prefixes == null ? List.of() : List.copyOf(prefixes);
  }

  /** The prefixes to list: the configured ones, or the empty prefix for the whole bucket. */
  public List<String> listedPrefixes() {
    return prefixes.isEmpty() ? List.of("") : prefixes;
  }
}
