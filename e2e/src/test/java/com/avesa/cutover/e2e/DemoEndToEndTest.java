package com.avesa.cutover.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's first command after the build: {@code bin/avesa demo}. */
class DemoEndToEndTest {

  @Test
  void theDemoRunsAPlanAndAVerifiedMigrationAndStopsWhatItStarted() {
    Launched.Result demo = Launched.run(Map.of(), Duration.ofMinutes(5), "demo");

    assertThat(demo.exitCode()).as(demo.toString()).isZero();
    assertThat(demo.stdout()).contains("PLAN ONLY").contains("VERIFIED").doesNotContain("NOT VERIFIED");
    assertThat(demo.stdout().indexOf("PLAN ONLY")).isLessThan(demo.stdout().lastIndexOf("VERIFIED"));
  }
}
