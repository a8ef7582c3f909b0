package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.config.AlarmSelector;
import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.config.BucketMapping;
import com.avesa.cutover.workflows.config.CutoverConfig;
import com.avesa.cutover.workflows.config.DataConfig;
import com.avesa.cutover.workflows.config.DnsConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.config.SmokeTest;
import com.avesa.cutover.workflows.estate.AccountConfig;
import java.time.Duration;
import java.util.List;

/** Cutover configs built as records (the config file's {@code cutover:} section is parsed elsewhere). */
final class CutoverConfigs {
  private CutoverConfigs() {}

  /** One approval from anyone but the requester, no sign-off. */
  static MigrationConfig config(String name) {
    return config(name, new ApprovalsConfig(List.of(), 1, true, false, null));
  }

  static MigrationConfig config(String name, ApprovalsConfig approvals) {
    return new MigrationConfig(name, "us-east-1", null,
        new AccountConfig("111111111111", null, null, null),
        new AccountConfig("222222222222", null, "arn:aws:iam::222222222222:role/AVESADeploymentRole", "key"),
        new DataConfig(List.of(new BucketMapping("src-bucket", "dst-bucket", List.of())), List.of(), null, 4, null, 4),
        new CutoverConfig(Duration.ofHours(4), null, null, null, List.of("ingest-prod"), List.of("ingest"),
            new DnsConfig("Z123", "api.avesa.example", "CNAME", "api.target.avesa.example", 60, null),
            List.of(new SmokeTest("tenant-ingest", "{\"test\": true}")), new AlarmSelector(List.of(), "avesa-prod-"),
            null),
        approvals);
  }
}
