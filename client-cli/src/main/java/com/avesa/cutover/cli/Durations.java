package com.avesa.cutover.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The one way the CLI writes a duration ({@code 45s}, {@code 2m05s}, {@code 1h02m03s},
 * {@code 3d04h05m06s}; trailing zero units left out: {@code 2m}, {@code 1h30m}) and the one way it
 * reads one: {@code 90s}, {@code 2m}, {@code 1h30m}, {@code 1d}, a bare number of seconds, or
 * ISO-8601 ({@code PT2M}, {@code P1D}). What it writes it reads back.
 */
final class Durations {
  private static final Pattern SHORT = Pattern.compile(
      "(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

  private Durations() {}

  /** Whole seconds, largest unit first, smaller units two digits; negative durations read {@code 0s}. */
  static String format(Duration duration) {
    return format(Math.max(0, duration.toSeconds()));
  }

  static String format(long seconds) {
    long s = Math.max(0, seconds);
    long[] values = {s / 86_400, s % 86_400 / 3600, s % 3600 / 60, s % 60};
    String[] units = {"d", "h", "m", "s"};
    int first = 0;
    while (first < 3 && values[first] == 0) {
      first++;
    }
    int last = 3;
    while (last > first && values[last] == 0) {
      last--;
    }
    StringBuilder text = new StringBuilder().append(values[first]).append(units[first]);
    for (int i = first + 1; i <= last; i++) {
      text.append(String.format(Locale.ROOT, "%02d", values[i])).append(units[i]);
    }
    return text.toString();
  }

  /**
   * Reads {@code text}; throws {@link IllegalArgumentException} with a message a person can act on.
   * Negative durations are refused.
   */
  static Duration parse(String text) {
    String value = text == null ? "" : text.strip();
    if (value.isEmpty()) {
      throw invalid(text);
    }
    if (value.matches("\\d+")) {
      try {
        return Duration.ofSeconds(number(value));
      } catch (ArithmeticException tooLarge) {
        throw invalid(text);
      }
    }
    if (value.toUpperCase(Locale.ROOT).startsWith("P")) {
      try {
        Duration iso = Duration.parse(value.toUpperCase(Locale.ROOT));
        if (iso.isNegative()) {
          throw invalid(text);
        }
        return iso;
      } catch (DateTimeParseException e) {
        throw invalid(text);
      }
    }
    Matcher m = SHORT.matcher(value.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw invalid(text);
    }
    try {
      return Duration.ofDays(number(m.group(1))).plusHours(number(m.group(2)))
          .plusMinutes(number(m.group(3))).plusSeconds(number(m.group(4)));
    } catch (ArithmeticException tooLarge) {
      throw invalid(text);
    }
  }

  private static long number(String digits) {
    if (digits == null) {
      return 0;
    }
    if (digits.length() > 12) {
      throw new ArithmeticException("too large");
    }
    return Long.parseLong(digits);
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException("'" + text + "' is not a duration: write 90s, 2m, 1h30m, 1d or ISO-8601 "
        + "such as PT2M");
  }

  /** The picocli converter of every duration option. */
  static final class Converter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
