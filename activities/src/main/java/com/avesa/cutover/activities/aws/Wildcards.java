package com.avesa.cutover.activities.aws;

import java.util.regex.Pattern;

/** Glob-like patterns with {@code *} and {@code ?} as regular expressions; everything else is literal. */
public final class Wildcards {
  private Wildcards() {}

  /** {@code pattern} as a regex where {@code *} is {@code anyRun} and {@code ?} is {@code anyOne}. */
  public static String regex(String pattern, String anyRun, String anyOne) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      if (c == '*' || c == '?') {
        if (!literal.isEmpty()) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '*' ? anyRun : anyOne);
      } else {
        literal.append(c);
      }
    }
    if (!literal.isEmpty()) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return regex.toString();
  }
}
