package com.avesa.cutover.workflows.isolation;

import com.avesa.cutover.workflows.config.AlarmSelector;
import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.config.BucketMapping;
import com.avesa.cutover.workflows.config.CopyMode;
import com.avesa.cutover.workflows.config.CutoverConfig;
import com.avesa.cutover.workflows.config.DataConfig;
import com.avesa.cutover.workflows.config.DecommissionConfig;
import com.avesa.cutover.workflows.config.DnsConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.config.RunbookConfig;
import com.avesa.cutover.workflows.config.SecretFilter;
import com.avesa.cutover.workflows.config.SmokeTest;
import com.avesa.cutover.workflows.config.TableMapping;
import com.avesa.cutover.workflows.estate.AccountConfig;
import io.temporal.testing.TestWorkflowExtension;
import java.time.Duration;
import java.util.List;

/** Configs for isolation runs: the whole runbook, or without its cutover or decommission sections. */
final class IsolationFixtures {
  static final String TARGET_ACCOUNT = "987654321098";
  static final String TARGET_ROLE = "arn:aws:iam::987654321098:role/AVESADeploymentRole";

  private IsolationFixtures() {}

  /** The isolation workflow with every phase a {@link ScriptedPhases} stand-in, on the test server. */
  static TestWorkflowExtension extension() {
    return TestWorkflowExtension.newBuilder()
        .registerWorkflowImplementationTypes(ProductionIsolationWorkflowImpl.class)
        .registerWorkflowImplementationTypes(ScriptedPhases.types())
        .build();
  }

  /** Every section: cutover, approvals (one approver, four eyes), decommission. */
  static MigrationConfig config() {
    return config(cutover(), decommission());
  }

  static MigrationConfig config(CutoverConfig cutover, DecommissionConfig decommission) {
    RunbookConfig defaults = RunbookConfig.defaults(TARGET_ACCOUNT, "TenantServices", "data-storage-msp-prod");
    return new MigrationConfig("avesa-test", "us-east-1", "http://127.0.0.1:5000",
        new AccountConfig("123456789012", null, null, null),
        new AccountConfig(TARGET_ACCOUNT, "prod-admin", TARGET_ROLE, "ext-id"),
        new DataConfig(List.of(new BucketMapping("data-storage-msp", "data-storage-msp-prod", List.of())),
            List.of(new TableMapping("TenantServices-prod", "TenantServices")),
            new SecretFilter(List.of("tenant/*/prod")), 8, CopyMode.AUTO, 2),
        cutover, ApprovalsConfig.defaults(),
        new RunbookConfig(defaults.account(), defaults.role(), defaults.security(), defaults.infrastructure(),
            defaults.tenants(), decommission));
  }

  static CutoverConfig cutover() {
    return new CutoverConfig(Duration.ofHours(4), Duration.ofHours(2), Duration.ofMinutes(5), Duration.ofMinutes(30),
        List.of("ConnectWiseIngestionSchedule"), List.of("ConnectWiseIngestionSchedule"),
        new DnsConfig("Z123", "api.example.com", "CNAME", "api-prod.example.com", 60, null),
        List.of(new SmokeTest("avesa-connectwise-ingestion-prod", "{\"test\":true}")),
        new AlarmSelector(List.of(), "LambdaErrorAlarm-"), null);
  }

  static DecommissionConfig decommission() {
    return new DecommissionConfig("data-storage-msp-archive", null, null,
        new DecommissionConfig.Removal(List.of("ConnectWiseIngestionSchedule"), List.of(),
            List.of("TenantServices-prod"), true));
  }
}
