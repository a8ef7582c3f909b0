package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

  @Test
  void demoWithoutMotoServerSaysHowToGetItAndExitsTwo() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
        Avesa.class.getName(), "demo"));
    builder.environment().put("MOTO_SERVER", "/nonexistent/moto_server");
    builder.environment().put("AVESA_WORKER_JAR", "/nonexistent/avesa-worker.jar");
    Process process = builder.start();

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).isEqualTo(ExitCodes.USAGE);
    assertThat(err).contains("pip install 'moto[server]'").contains("docker compose up");
    assertThat(out).isEmpty();
  }

  @Test
  void findsMotoServerOnThePathUnlessMotoServerNamesAnotherFile(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path moto = java.nio.file.Files.createFile(dir.resolve("moto_server"));
    moto.toFile().setExecutable(true);

    assertThat(DemoStack.findMoto(java.util.Map.of("PATH", "/nonexistent:" + dir))).contains(moto);
    assertThat(DemoStack.findMoto(java.util.Map.of("PATH", dir.toString(), "MOTO_SERVER", "/nope"))).isEmpty();
    assertThat(DemoStack.findMoto(java.util.Map.of("PATH", "/nonexistent"))).isEmpty();
  }
}
