package com.avesa.cutover.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.demo.DemoEstate;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.runtime.config.ConfigLoader;
import com.avesa.cutover.workflows.estate.Side;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

class DemoSeedCommandTest {
  @RegisterExtension
  static final MotoExtension MOTO = new MotoExtension();

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void seedsTheSourceAccountAndWritesTheMatchingConfig(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("demo.yaml");

    int exit = run("seed-demo", "--endpoint", MOTO.endpoint(), "--objects-per-tenant", "4",
        "--config-out", config.toString());

    assertThat(exit).as(stderr()).isEqualTo(0);
    assertThat(stdout()).hasLineCount(1).startsWith("seeded 3 tenants: ");
    int expectedObjects = 3 * 4 + DemoEstate.AWKWARD_KEYS.size();
    assertThat(stdout()).contains(expectedObjects + " objects");
    try (AwsClients clients = new AwsClients()) {
      S3Client source = clients.s3(DemoEstate.estate(MOTO.endpoint(), MotoExtension.REGION), Side.SOURCE);
      long listed = source.listObjectsV2Paginator(b -> b.bucket(DemoEstate.SOURCE_BUCKET)).contents().stream().count();
      assertThat(listed).isEqualTo(expectedObjects);
    }
    assertThat(Files.readString(config))
        .isEqualTo(DemoEstate.cutoverConfigYaml(MOTO.endpoint(), MotoExtension.REGION))
        .contains("endpoint: " + MOTO.endpoint())
        .contains("cutover:", "approvals:");
    assertThat(ConfigLoader.load(config).cutover()).isNotNull();
  }

  @Test
  void anEmulatorThatDoesNotAnswerExitsWithOneInOneLine() throws Exception {
    String endpoint = "http://127.0.0.1:" + Http.freePort();

    int exit = run("seed-demo", "--endpoint", endpoint, "--objects-per-tenant", "1");

    assertThat(exit).isEqualTo(1);
    assertThat(stdout()).isEmpty();
    assertThat(stderr()).hasLineCount(1).contains("seeding " + endpoint + " failed");
  }

  private int run(String... args) {
    return new WorkerMain(Map.of(), print(out), print(err), Duration.ofSeconds(1)).run(args);
  }

  private static PrintStream print(ByteArrayOutputStream buffer) {
    return new PrintStream(buffer, true, StandardCharsets.UTF_8);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
