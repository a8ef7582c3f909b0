package com.avesa.cutover.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.avesa.cutover.runtime.dev.DevServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerHealthTest {

  @Test
  void healthIsOkWhileTheWorkerPollsAndNotReadyWithTheReasonOnceTemporalIsGone() throws Exception {
    DevServer temporal = DevServer.start(0);
    boolean stopped = false;
    String address = temporal.address();
    WorkerSettings settings = WorkerSettings.fromEnvironment(Map.of("TEMPORAL_ADDRESS", address, "METRICS_PORT", "0"));
    try (WorkerProcess worker = WorkerProcess.start(settings, false, Duration.ofSeconds(5), Duration.ofMillis(200))) {
      String health = "http://127.0.0.1:" + worker.metricsPort() + "/health";
      HttpResponse<String> polling = Http.get(health);
      assertThat(polling.statusCode()).isEqualTo(200);
      assertThat(polling.body()).isEqualTo("ok\n");

      temporal.close();
      stopped = true;

      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        HttpResponse<String> gone = Http.get(health);
        assertThat(gone.statusCode()).isEqualTo(503);
        assertThat(gone.body()).startsWith("not ready: cannot reach Temporal at " + address + " (")
            .endsWith("), so the worker cannot poll\n");
      });
    } finally {
      if (!stopped) {
        temporal.close();
      }
    }
  }
}
