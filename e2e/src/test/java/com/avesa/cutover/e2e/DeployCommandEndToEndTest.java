package com.avesa.cutover.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.activities.demo.DemoEstate;
import com.avesa.cutover.activities.testing.MotoExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code avesa infra verify} on the worker process ({@code bin/avesa-worker} with its own codec
 * keys and AWS credentials): the config names a deploy command the worker's deploy.yaml allows,
 * which writes its environment to a file (not to its output, so no credential reaches the history).
 */
class DeployCommandEndToEndTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();
  private static final Duration CLI = Duration.ofMinutes(3);
  private static final String KEYS = "e2e-deploy:" + Base64.getEncoder().encodeToString(new byte[32]);
  private static final String WORKER_KEY = "AKIAWORKERE2EOWNKEY1";

  @TempDir Path dir;

  @Test
  void theNamedCommandRunsWithOnlyTheDeploymentRolesSessionAndTheRunsNames() throws IOException {
    DemoEstate.seed(MOTO.endpoint(), MotoExtension.REGION, 1);
    Path seen = dir.resolve("deploy-env.txt");
    Path commands = Files.writeString(dir.resolve("deploy.yaml"),
        "print-env: { command: [sh, -c, \"env > " + seen + "; echo deployed\"], timeout: PT2M }\n");
    Path config = Files.writeString(dir.resolve("avesa.yaml"),
        DemoEstate.configYaml(MOTO.endpoint(), MotoExtension.REGION) + "infrastructure: { deploy: print-env }\n");
    Map<String, String> workerEnv = Map.of("AVESA_DEPLOY_COMMANDS", commands.toString(), "AVESA_CODEC_KEYS", KEYS,
        "AWS_ACCESS_KEY_ID", WORKER_KEY, "AWS_SECRET_ACCESS_KEY", "worker-own-secret");
    try (TemporalStack stack = new TemporalStack(workerEnv)) {
      Map<String, String> cli = new HashMap<>(stack.cliEnv());
      cli.put("AVESA_CODEC_KEYS", KEYS);

      Launched.Result verify = Launched.run(cli, CLI, "infra", "verify", "-c", config.toString(), "--wait", "--json");

      assertThat(verify.exitCode()).as(verify.toString()).isZero();
      assertThat(verify.stdout()).contains("deployed");
      Map<String, String> env = new TreeMap<>();
      Files.readAllLines(seen).stream().map(line -> line.split("=", 2)).filter(kv -> kv.length == 2)
          .forEach(kv -> env.put(kv[0], kv[1]));
      assertThat(env.keySet()).as("the deploy command's environment, apart from what sh sets itself")
          .filteredOn(name -> !List.of("PWD", "SHLVL", "_", "OLDPWD").contains(name))
          .containsExactlyInAnyOrder("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION",
              "AWS_ENDPOINT_URL", "CDK_DEFAULT_ACCOUNT", "CDK_DEFAULT_REGION", "AVESA_CONFIG_NAME", "AVESA_REGION",
              "AVESA_ENDPOINT", "AVESA_SOURCE_ACCOUNT_ID", "AVESA_TARGET_ACCOUNT_ID", "AVESA_TARGET_ROLE_ARN",
              "PATH", "HOME");
      assertThat(env).containsEntry("CDK_DEFAULT_ACCOUNT", DemoEstate.TARGET_ACCOUNT)
          .containsEntry("AVESA_TARGET_ACCOUNT_ID", DemoEstate.TARGET_ACCOUNT)
          .containsEntry("AWS_ENDPOINT_URL", MOTO.endpoint());
      assertThat(env.get("AWS_ACCESS_KEY_ID")).isNotEqualTo(WORKER_KEY);
      assertThat(env.values()).noneMatch(value -> value.equals(KEYS) || value.equals("worker-own-secret"));
    }
  }
}
