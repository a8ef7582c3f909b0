package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.isolation.IsolationInput;
import picocli.CommandLine.Command;

/** {@code avesa isolate}: the whole runbook as one durable run. */
@Command(
    name = "isolate",
    mixinStandardHelpOptions = true,
    description = "Run the whole runbook as one durable run: account setup, infrastructure, PLAN, the execute "
        + "gate, COPY, smoke tests, the cutover (with its gate), post-cutover validation (findings "
        + "wait at the validation gate), decommission (with its gate). Approve each gate with "
        + "`avesa approve ID --gate execute|cutover|validation|decommission`; follow it with "
        + "`avesa status ID`; attach `avesa report ID --markdown` to the change ticket.",
    footer = {"", "Example:",
        "  avesa isolate -c examples/aws.yaml --identity alice",
        "  avesa approve avesa-prod-isolate --gate execute --reason CAB-123 --identity bob",
        "  avesa approve avesa-prod-isolate --gate cutover --reason CAB-123 --identity bob",
        "  avesa report avesa-prod-isolate --markdown > isolation-report.md"})
final class IsolateCommand extends PhaseCommand {
  @Override
  protected boolean acceptsCreatedAccount() {
    return true;
  }

  @Override
  protected PhaseRuns kind() {
    return PhaseRuns.ISOLATE;
  }

  @Override
  protected Object input(MigrationConfig config, String identity) {
    return new IsolationInput(config, identity);
  }

  @Override
  protected Object input(MigrationConfig config, String identity, String startProof) {
    return new IsolationInput(config, identity, startProof);
  }

  @Override
  protected boolean gated() {
    return true;
  }

  @Override
  protected String summary(MigrationConfig config) {
    return "isolate " + config.name() + ": account " + (config.target().accountId() == null ? "(created)"
        : config.target().accountId()) + ", " + (config.cutover() == null ? "no cutover" : "cutover")
        + (config.runbook().decommission() == null ? "" : ", decommission");
  }
}
