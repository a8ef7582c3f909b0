package com.avesa.cutover.workflows.validation;

import com.avesa.cutover.workflows.config.TenantsConfig;
import com.avesa.cutover.workflows.run.PhaseOutcome;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import com.avesa.cutover.workflows.runbook.PhaseProgress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the post-cutover validation found so far, and the report and progress made of it. An
 * isolation breach (stray keys, a tenant prefix without a tenant, a tenant without its secret)
 * is a problem; missing new data is a warning. Plain workflow state: no I/O, no clock.
 */
final class ValidationFindings {
  private static final int KEYS_IN_MESSAGE = 3;

  private final TenantsConfig tenants;
  private final Instant since;
  private final List<String> problems = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final List<PhaseItem> unchanged = new ArrayList<>();
  private String phase = "STARTING";
  private List<String> tenantIds = List.of();
  private Set<String> missingSecrets = Set.of();
  private DataLakeSummary lake;

  ValidationFindings(TenantsConfig tenants, Instant since) {
    this.tenants = tenants;
    this.since = since;
  }

  void at(String phase) {
    this.phase = phase;
  }

  String phase() {
    return phase;
  }

  List<String> tenantIds() {
    return tenantIds;
  }

  List<String> problems() {
    return problems;
  }

  void addProblem(String problem) {
    problems.add(problem);
  }

  void recordTenants(TenantList list) {
    tenantIds = List.copyOf(list.tenantIds());
    unchanged.add(new PhaseItem("tenants table " + tenants.table(), tenantIds.size() + " tenant(s)"));
    if (tenantIds.isEmpty()) {
      warnings.add("table " + tenants.table() + " has no tenants: every key under raw/ and canonical/ is stray");
    }
  }

  void recordSecrets(TenantSecrets secrets) {
    missingSecrets = new HashSet<>(secrets.missing());
    for (String tenantId : tenantIds) {
      String name = tenants.secretName(tenantId);
      if (missingSecrets.contains(name)) {
        problems.add("tenant " + tenantId + ": secret " + name + " is missing in the target (add the tenant's"
            + " services with `avesa service add --tenant-id " + tenantId + " ...`)");
      } else {
        unchanged.add(new PhaseItem("secret " + name, "present"));
      }
    }
  }

  void recordDataLake(DataLakeSummary summary) {
    lake = summary;
    unchanged.add(new PhaseItem("bucket " + summary.bucket(), summary.objects() + " object(s); "
        + summary.newRawObjects() + " new under raw/, " + summary.newCanonicalObjects() + " new under canonical/"));
    for (String prefix : summary.unknownTenantPrefixes()) {
      problems.add(prefix + ": keys under a tenant prefix with no tenant in " + tenants.table());
    }
    if (summary.strayKeysTotal() > 0) {
      problems.add(summary.strayKeysTotal() + " key(s) in " + summary.bucket()
          + " outside the raw/{tenant}/ and canonical/{tenant}/ prefixes of known tenants, e.g. "
          + String.join(", ", summary.strayKeys().subList(0, Math.min(KEYS_IN_MESSAGE, summary.strayKeys().size()))));
    }
    recordNewData(summary);
  }

  private void recordNewData(DataLakeSummary summary) {
    if (since == null) {
      warnings.add("no since time given: new objects were not counted");
      return;
    }
    if (summary.newRawObjects() + summary.newCanonicalObjects() == 0) {
      warnings.add("no new objects under raw/ or canonical/ since " + since);
      return;
    }
    for (TenantObjects t : summary.tenants()) {
      if (t.newRawObjects() + t.newCanonicalObjects() == 0) {
        warnings.add("tenant " + t.tenantId() + ": no new objects under raw/" + t.tenantId() + "/ or canonical/"
            + t.tenantId() + "/ since " + since);
      }
    }
  }

  ValidationReport report(String workflowId, PhaseOutcome outcome, Instant started, Instant ended) {
    List<TenantValidation> perTenant = new ArrayList<>();
    for (String tenantId : tenantIds) {
      TenantObjects objects = objectsOf(tenantId);
      String secret = tenants.secretName(tenantId);
      boolean secretPresent = !missingSecrets.contains(secret);
      perTenant.add(new TenantValidation(tenantId, objects.objects(), objects.newRawObjects(),
          objects.newCanonicalObjects(), secretPresent,
          secretPresent ? List.of() : List.of("secret " + secret + " is missing")));
    }
    return new ValidationReport(workflowId, outcome, since, tenants.bucket(),
        lake == null ? 0 : lake.objects(),
        lake == null ? 0 : lake.newRawObjects(),
        lake == null ? 0 : lake.newCanonicalObjects(),
        perTenant,
        lake == null ? List.of() : lake.strayKeys(),
        lake == null ? 0 : lake.strayKeysTotal(),
        List.of(), List.copyOf(unchanged), List.copyOf(problems), List.copyOf(warnings), started, ended);
  }

  PhaseProgress progress(String workflowId, PhaseOutcome outcome) {
    return new PhaseProgress(workflowId, phase, outcome, null, 0, null, List.of(), List.of(),
        List.copyOf(unchanged), List.copyOf(problems));
  }

  /** The Markdown the Temporal UI shows as the run's current details. */
  String details(String configName) {
    return String.format("**Post-cutover validation %s** — phase %s%n%n"
            + "tenants %d; objects %,d (new: %,d under raw/, %,d under canonical/); stray keys %,d;"
            + " problems %d; warnings %d",
        configName, phase, tenantIds.size(), lake == null ? 0 : lake.objects(),
        lake == null ? 0 : lake.newRawObjects(), lake == null ? 0 : lake.newCanonicalObjects(),
        lake == null ? 0 : lake.strayKeysTotal(), problems.size(), warnings.size());
  }

  private TenantObjects objectsOf(String tenantId) {
    if (lake == null) {
      return TenantObjects.none(tenantId);
    }
    return lake.tenants().stream().filter(t -> t.tenantId().equals(tenantId)).findFirst()
        .orElse(TenantObjects.none(tenantId));
  }
}
