package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.config.DecommissionConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.runbook.PhaseInput;
import picocli.CommandLine.Command;

/** {@code avesa decommission}: runbook step 14 on its own. */
@Command(
    name = "decommission",
    mixinStandardHelpOptions = true,
    description = "Archive the source buckets (decommission.archiveBucket, storage class, verified), wait the "
        + "retention (default P30D; `avesa status` shows the time left), ask the decommission gate, then "
        + "remove what decommission.remove names from the source. Cancel the run (Temporal UI or CLI) "
        + "before the gate opens to stop it with nothing removed.",
    footer = {"", "Example:",
        "  avesa decommission -c examples/aws.yaml --identity alice",
        "  avesa status avesa-prod-decommission",
        "  avesa approve avesa-prod-decommission --gate decommission --reason CAB-200 --identity bob"})
final class DecommissionCommand extends PhaseCommand {
  @Override
  protected void check(MigrationConfig config) {
    if (config.runbook().decommission() == null) {
      throw new CliException(ExitCodes.USAGE, config.name() + ": no `decommission:` section: add one with at least "
          + "archiveBucket (and retention, remove)");
    }
  }

  @Override
  protected PhaseRuns kind() {
    return PhaseRuns.DECOMMISSION;
  }

  @Override
  protected Object input(MigrationConfig config, String identity) {
    return new PhaseInput(config, identity);
  }

  @Override
  protected Object input(MigrationConfig config, String identity, String startProof) {
    return new PhaseInput(config, identity, startProof);
  }

  @Override
  protected boolean gated() {
    return true;
  }

  @Override
  protected String summary(MigrationConfig config) {
    DecommissionConfig decommission = config.runbook().decommission();
    return "decommission " + config.name() + ": archive to " + decommission.archiveBucket() + " ("
        + decommission.storageClass() + "), keep " + decommission.retention() + ", then remove after approval";
  }
}
