package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void writesLargestUnitFirstSmallerUnitsInTwoDigitsAndLeavesOutTrailingZeros() {
    assertThat(Durations.format(Duration.ofSeconds(45))).isEqualTo("45s");
    assertThat(Durations.format(Duration.ofSeconds(125))).isEqualTo("2m05s");
    assertThat(Durations.format(Duration.ofSeconds(3723))).isEqualTo("1h02m03s");
    assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
    assertThat(Durations.format(Duration.ofHours(1).plusSeconds(5))).isEqualTo("1h00m05s");
    assertThat(Durations.format(Duration.ofDays(30))).isEqualTo("30d");
    assertThat(Durations.format(Duration.ofMillis(119_692))).isEqualTo("1m59s");
    assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    assertThat(Durations.format(Duration.ofSeconds(-5))).isEqualTo("0s");
  }

  @Test
  void readsShortFormsBareSecondsAndIso8601() {
    assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
    assertThat(Durations.parse("1D12H")).isEqualTo(Duration.ofHours(36));
    assertThat(Durations.parse("5")).isEqualTo(Duration.ofSeconds(5));
    assertThat(Durations.parse("PT2M")).isEqualTo(Duration.ofMinutes(2));
    assertThat(Durations.parse("pt30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Durations.parse("P1D")).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void whatItWritesItReadsBack() {
    for (long seconds : new long[] {0, 7, 60, 61, 3600, 3661, 86_400, 90_061, 2_592_000}) {
      Duration duration = Duration.ofSeconds(seconds);
      assertThat(Durations.parse(Durations.format(duration))).as(Durations.format(duration)).isEqualTo(duration);
    }
  }

  @Test
  void refusesWhatIsNotADurationWithOneSentence() {
    for (String bad : new String[] {"", "1x", "h", "2m1h", "-PT1M", "PT-1M", "1.5h", "99999999999999999999s", "99999999999999999999"}) {
      assertThatThrownBy(() -> Durations.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("'" + bad + "' is not a duration: write 90s, 2m, 1h30m, 1d or ISO-8601 such as PT2M");
    }
  }
}
