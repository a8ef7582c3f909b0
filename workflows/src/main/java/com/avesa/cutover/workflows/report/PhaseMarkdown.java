package com.avesa.cutover.workflows.report;

import com.avesa.cutover.workflows.account.AccountSetupReport;
import com.avesa.cutover.workflows.cutover.SmokeTestResult;
import com.avesa.cutover.workflows.decommission.ArchiveRecord;
import com.avesa.cutover.workflows.decommission.DecommissionReport;
import com.avesa.cutover.workflows.infra.InfrastructureReport;
import com.avesa.cutover.workflows.run.RunReport;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import com.avesa.cutover.workflows.smoke.SmokeTestReport;
import com.avesa.cutover.workflows.validation.ValidationReport;
import java.util.List;

/**
 * The reports of the runbook's phase runs — account setup, infrastructure, smoke tests,
 * post-cutover validation, decommission — as change-ticket documents: the run, its times and
 * counts, what the phase alone has (archives, functions, tenants, what is missing), its approvals,
 * what it changed and found in place, warnings, problems.
 */
public final class PhaseMarkdown {
  private static final int STRAY_KEYS_SHOWN = 20;

  private PhaseMarkdown() {}

  public static String account(RunFacts run, AccountSetupReport r) {
    Markdown md = head("Account setup", run, r);
    md.fact("Account", r.accountId() + (r.accountCreated() ? " (created by this run)" : ""))
        .fact("Deployment role", r.roleArn()).fact("Caller", r.callerArn())
        .fact("Counts", counts(r.changed(), r.unchanged()) + ", compensated " + list(r.compensated()).size());
    md.blank();
    itemsSection(md, r.changed(), r.unchanged());
    md.items("Compensated", r.compensated());
    return md.problems(r.problems());
  }

  public static String infrastructure(RunFacts run, InfrastructureReport r) {
    Markdown md = head("Infrastructure", run, r);
    md.fact("Deploy command", r.deployExitCode() == null ? "none configured" : "exited " + r.deployExitCode())
        .fact("Counts", counts(r.changed(), r.unchanged()) + ", missing " + list(r.missing()).size());
    md.blank().bullets("Missing", r.missing());
    if (r.deployOutputTail() != null) {
      md.section("Deploy output (last lines)").text("```\n" + r.deployOutputTail().replace("```", "'''") + "\n```");
    }
    itemsSection(md, r.changed(), r.unchanged());
    return md.problems(r.problems());
  }

  public static String smokeTests(RunFacts run, SmokeTestReport r) {
    List<SmokeTestResult> results = list(r.results());
    long failed = results.stream().filter(t -> !t.passed()).count();
    Markdown md = head("Smoke tests", run, r);
    md.fact("Counts", "functions " + results.size() + ", failed " + failed).blank().section("Functions");
    if (results.isEmpty()) {
      md.text("None.");
    } else {
      md.table(List.of("Function", "Passed", "Status code", "Error", "Response (start)"), results.stream()
          .map(t -> List.of(t.function(), t.passed() ? "yes" : "no", String.valueOf(t.statusCode()),
              Markdown.orDash(t.functionError()), t.response() == null ? "" : t.response())).toList());
    }
    itemsSection(md, r.changed(), r.unchanged());
    return md.problems(r.problems());
  }

  public static String validation(RunFacts run, ValidationReport r) {
    Markdown md = head("Post-cutover validation", run, r);
    md.fact("Bucket", r.bucket()).fact("New since", Markdown.orDash(r.since()))
        .fact("Counts", "tenants " + list(r.tenants()).size() + ", objects " + Markdown.number(r.objects())
            + ", new under raw/ " + Markdown.number(r.newRawObjects()) + ", new under canonical/ "
            + Markdown.number(r.newCanonicalObjects()) + ", stray keys " + Markdown.number(r.strayKeysTotal()));
    md.blank().section("Tenants");
    if (list(r.tenants()).isEmpty()) {
      md.text("None.");
    } else {
      md.table(List.of("Tenant", "Objects", "New raw", "New canonical", "Secret"), r.tenants().stream()
          .map(t -> List.of(t.tenantId(), Markdown.number(t.objects()), Markdown.number(t.newRawObjects()),
              Markdown.number(t.newCanonicalObjects()), t.secretPresent() ? "present" : "MISSING")).toList());
    }
    List<String> stray = list(r.strayKeys());
    if (!stray.isEmpty()) {
      List<String> shown = stray.subList(0, Math.min(STRAY_KEYS_SHOWN, stray.size()));
      md.bullets("Stray keys (" + Markdown.number(r.strayKeysTotal()) + "; " + shown.size() + " shown)",
          shown.stream().map(k -> "`" + k.replace("`", "'") + "`").toList());
    }
    itemsSection(md, r.changed(), r.unchanged());
    md.bullets("Warnings", r.warnings());
    return md.problems(r.problems());
  }

  public static String decommission(RunFacts run, DecommissionReport r) {
    List<ArchiveRecord> archives = list(r.archives());
    Markdown md = head("Decommission", run, r);
    md.fact("Retention ends", r.retentionEnds())
        .fact("Counts", "archived " + Markdown.number(archives.stream().mapToLong(ArchiveRecord::objects).sum())
            + " object(s), " + counts(r.changed(), r.unchanged()));
    md.blank().section("Archives");
    if (archives.isEmpty()) {
      md.text("None.");
    } else {
      md.table(List.of("Source bucket", "Archive", "Storage class", "Objects", "Copied", "Bytes", "Verified"),
          archives.stream().map(a -> List.of(a.sourceBucket(), a.archiveBucket() + "/" + a.prefix(),
              a.storageClass(), Markdown.number(a.objects()), Markdown.number(a.copied()), Markdown.number(a.bytes()),
              a.verified() ? "yes" : "no")).toList());
    }
    md.approvals(list(r.approvals()));
    itemsSection(md, r.changed(), r.unchanged());
    return md.problems(r.problems());
  }

  /** The title and the facts every phase report starts with; its own times, else Temporal's. */
  private static Markdown head(String what, RunFacts run, RunReport r) {
    return new Markdown().title(what + " " + r.workflowId(), r.outcome()).fact("Run", "`" + r.workflowId() + "`")
        .times(r.started() == null ? run.started() : r.started(), r.ended() == null ? run.ended() : r.ended());
  }

  private static void itemsSection(Markdown md, List<PhaseItem> changed, List<PhaseItem> unchanged) {
    md.section("Changed and unchanged");
    if (list(changed).isEmpty() && list(unchanged).isEmpty()) {
      md.text("Nothing.");
    }
    md.items("Changed", changed).items("Unchanged", unchanged);
  }

  private static String counts(List<PhaseItem> changed, List<PhaseItem> unchanged) {
    return "changed " + list(changed).size() + ", unchanged " + list(unchanged).size();
  }

  private static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : list;
  }
}
