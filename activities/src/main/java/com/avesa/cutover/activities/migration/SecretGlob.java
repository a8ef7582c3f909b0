package com.avesa.cutover.activities.migration;

import com.avesa.cutover.activities.aws.Wildcards;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Secret-name globs: {@code *} is any run of characters except '/', {@code ?} one character
 * except '/'; everything else is literal. A name matches when any glob matches all of it.
 */
final class SecretGlob {
  private final List<Pattern> patterns;

  SecretGlob(List<String> globs) {
    this.patterns = globs.stream().map(SecretGlob::compile).toList();
  }

  boolean matches(String name) {
    return patterns.stream().anyMatch(p -> p.matcher(name).matches());
  }

  static Pattern compile(String glob) {
    return Pattern.compile(Wildcards.regex(glob, "[^/]*", "[^/]"), Pattern.DOTALL);
  }
}
