package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.cli.CliHarness.Run;
import org.junit.jupiter.api.Test;

class CompletionCommandTest {
  @Test
  void printsABashCompletionScriptForEveryCommandAndOption() {
    Run run = CliHarness.avesaWithoutAddress("completion");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("complete -F").contains("_picocli_avesa");
    for (String command : new String[] {"plan", "migrate", "sync", "cutover", "approve", "reject", "rollback",
        "status", "result", "list", "dev-server", "demo", "isolate", "report", "account", "setup", "infra", "verify",
        "smoke-test", "validate", "decommission", "tenant", "service"}) {
      assertThat(run.out()).as(command).contains(command);
    }
    assertThat(run.out()).contains("--tls-cert").contains("--api-key").contains("--json").contains("--identity")
        .contains("--window-start").contains("--wait-gate").contains("--after");
    assertThat(run.out()).contains("(\"execute\" \"cutover\" \"signOff\" \"validation\" \"decommission\") # --gate values");
  }
}
