package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.cli.CliHarness.Run;
import org.junit.jupiter.api.Test;

/** {@code avesa list --kind}: its words and its one-line error, without a server. */
class ListKindTest {
  @Test
  void anUnknownKindIsOneLineListingTheWords() {
    Run run = CliHarness.avesaWithoutAddress("list", "--kind", "everything");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines()).containsExactly(
        "avesa list: Invalid value for option '--kind': expected one of [migration, cutover, rollback, sync, isolate, "
            + "account, infra, smoke, validate, decommission] (case-sensitive) but was 'everything'",
        "see `avesa list --help`");
  }

  @Test
  void theKindIsCaseSensitiveAsBefore() {
    assertThat(CliHarness.avesaWithoutAddress("list", "--kind", "Cutover").exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void theCompletionScriptOffersTheWords() {
    assertThat(CliHarness.avesaWithoutAddress("completion").out()).contains("(\"migration\" \"cutover\" \"rollback\" "
        + "\"sync\" \"isolate\" \"account\" \"infra\" \"smoke\" \"validate\" \"decommission\") # --kind values");
  }
}
