package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevServerCommandTest {
  private static final Pattern ANNOUNCED =
      Pattern.compile("Temporal dev server on 127\\.0\\.0\\.1:(\\d+) \\(in memory, real time\\) — Ctrl-C to stop");

  @Test
  void servesOnLoopbackUntilSigtermAndAnnouncesItselfInOneLine(@TempDir Path dir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path stdout = dir.resolve("stdout");
    Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
        Avesa.class.getName(), "dev-server", "--port", "0")).redirectOutput(stdout.toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (Files.size(stdout) == 0 && process.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      String line = Files.readString(stdout).lines().findFirst().orElse("");
      assertThat(line).matches(ANNOUNCED);
      Matcher port = ANNOUNCED.matcher(line);
      assertThat(port.matches()).isTrue();
      String address = "127.0.0.1:" + port.group(1);

      assertThat(TemporalConnection.reachable(address, Duration.ofSeconds(5))).isTrue();

      process.destroy();
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(Files.readString(stdout).lines()).hasSize(1);
      assertThat(TemporalConnection.reachable(address, Duration.ofSeconds(1))).isFalse();
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void takesItsDefaultPortFromTheTemporalAddress() {
    assertThat(DevServerCommand.portOf("127.0.0.1:7999")).isEqualTo(7999);
    assertThat(DevServerCommand.portOf(null)).isEqualTo(7233);
    assertThat(DevServerCommand.portOf("")).isEqualTo(7233);
  }
}
