package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@code avesa status} shows a wait: the retention's end and the time left. */
class PhaseStatusTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aWaitShowsItsEndAndTheTimeLeft() throws Exception {
    List<String> lines = new ArrayList<>();

    PhaseStatus.waiting("", JSON.readTree("{\"phase\":\"RETENTION\",\"waitUntil\":\"2026-12-28T02:00:00Z\"}"),
        Instant.parse("2026-11-28T01:30:00Z"), lines);
    PhaseStatus.waiting("avesa-prod-isolate-decommission ", JSON.readTree("{\"waitUntil\":\"2026-11-28T02:00:00Z\"}"),
        Instant.parse("2026-11-28T01:58:30Z"), lines);
    PhaseStatus.waiting("", JSON.readTree("{\"phase\":\"REMOVING\",\"waitUntil\":null}"), Instant.now(), lines);

    assertThat(lines).containsExactly(
        "  waiting  until 2026-12-28T02:00:00Z (30d00h30m left)",
        "  waiting  avesa-prod-isolate-decommission until 2026-11-28T02:00:00Z (1m30s left)");
  }
}
