package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.account.AccountSetupReport;
import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.decommission.DecommissionReport;
import com.avesa.cutover.workflows.infra.InfrastructureReport;
import com.avesa.cutover.workflows.isolation.IsolationMarkdown;
import com.avesa.cutover.workflows.isolation.IsolationReport;
import com.avesa.cutover.workflows.migration.MigrationReport;
import com.avesa.cutover.workflows.report.CutoverMarkdown;
import com.avesa.cutover.workflows.report.MigrationMarkdown;
import com.avesa.cutover.workflows.report.PhaseMarkdown;
import com.avesa.cutover.workflows.report.RunFacts;
import com.avesa.cutover.workflows.run.RunReport;
import com.avesa.cutover.workflows.smoke.SmokeTestReport;
import com.avesa.cutover.workflows.validation.ValidationReport;

/**
 * {@code avesa report ID --markdown}: the document of any run kind's report, by its kind's renderer
 * (workflows.report, isolation.IsolationMarkdown). It lives here, with its only user, so that the
 * report package does not depend on the isolation package that uses it (a package cycle).
 */
public final class ReportMarkdown {
  private ReportMarkdown() {}

  /** The Markdown of {@code report}, a report record of one of the run kinds. */
  public static String render(RunFacts run, RunReport report) {
    if (report instanceof IsolationReport r) {
      return IsolationMarkdown.render(r);
    } else if (report instanceof CutoverReport r) {
      return CutoverMarkdown.render(run, r);
    } else if (report instanceof MigrationReport r) {
      return MigrationMarkdown.render(run, r);
    } else if (report instanceof DecommissionReport r) {
      return PhaseMarkdown.decommission(run, r);
    } else if (report instanceof ValidationReport r) {
      return PhaseMarkdown.validation(run, r);
    } else if (report instanceof SmokeTestReport r) {
      return PhaseMarkdown.smokeTests(run, r);
    } else if (report instanceof InfrastructureReport r) {
      return PhaseMarkdown.infrastructure(run, r);
    } else if (report instanceof AccountSetupReport r) {
      return PhaseMarkdown.account(run, r);
    }
    throw new IllegalArgumentException("no Markdown for a " + (report == null ? "missing report" : report.getClass()));
  }
}
