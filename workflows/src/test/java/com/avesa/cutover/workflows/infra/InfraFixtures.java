package com.avesa.cutover.workflows.infra;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import com.avesa.cutover.workflows.config.BucketMapping;
import com.avesa.cutover.workflows.config.CopyMode;
import com.avesa.cutover.workflows.config.DataConfig;
import com.avesa.cutover.workflows.config.InfrastructureConfig.DeployCommand;
import com.avesa.cutover.workflows.config.InfrastructureConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.config.RunbookConfig;
import com.avesa.cutover.workflows.config.SecretFilter;
import com.avesa.cutover.workflows.config.TableMapping;
import com.avesa.cutover.workflows.estate.AccountConfig;
import com.avesa.cutover.workflows.infra.TargetStorage.StorageState;
import com.avesa.cutover.workflows.migration.BucketActivities;
import com.avesa.cutover.workflows.migration.EnsureBucketRequest;
import com.avesa.cutover.workflows.migration.EnsureTableRequest;
import com.avesa.cutover.workflows.migration.TableActivities;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Mocked phase-2 activities over a small fake target: {@link #existing} holds the buckets and
 * tables there with what of the baseline each lacks; the ensure activities complete them, so a
 * second run finds everything in place. Every call goes to {@link #journal}, in order.
 */
final class InfraFixtures {
  static final String BUCKET = "data-storage-msp-prod";
  static final String TABLE = "TenantServices";
  static final String STACK = "AVESADataPipeline-prod";
  static final String FUNCTION = "avesa-connectwise-ingestion-prod";
  static final String RULE = "ConnectWiseIngestionSchedule";
  static final DeployCommand DEPLOY = DeployCommand.named("cdk-deploy");
  /** What runs started before named deploy commands carry: an argv from the config. */
  static final DeployCommand ARGV_DEPLOY = new DeployCommand(List.of("cdk", "deploy", "--all"), "infrastructure",
      Duration.ofMinutes(30));

  final List<String> journal = Collections.synchronizedList(new ArrayList<>());
  final Map<String, List<String>> existing = Collections.synchronizedMap(new HashMap<>());
  final List<String> missing = new ArrayList<>();
  final InfrastructureActivities infra = mock(InfrastructureActivities.class, withSettings().withoutAnnotations());
  final BucketActivities buckets = mock(BucketActivities.class, withSettings().withoutAnnotations());
  final TableActivities tables = mock(TableActivities.class, withSettings().withoutAnnotations());

  InfraFixtures() {
    lenient().when(infra.runDeployCommand(any())).thenAnswer(i -> {
      DeployRequest r = i.getArgument(0);
      journal.add(r.name() != null ? "deploy " + r.name() + " as " + r.estate().target().roleArn()
          : "deploy argv " + String.join(" ", r.command()) + " in " + r.workdir());
      return new DeployResult(0, "AVESADataPipeline-prod: no changes");
    });
    lenient().when(infra.inspectTargetStorage(any())).thenAnswer(i -> {
      StorageRequest r = i.getArgument(0);
      journal.add("inspect " + r.buckets() + " " + r.tables());
      return new TargetStorage(r.buckets().stream().map(this::state).toList(), r.tables().stream().map(this::state).toList());
    });
    lenient().doAnswer(i -> {
      EnsureBucketRequest r = i.getArgument(0);
      journal.add("ensure bucket " + r.bucket() + " " + r.side());
      existing.put(r.bucket(), List.of());
      return null;
    }).when(buckets).ensureTargetBucket(any());
    lenient().doAnswer(i -> {
      EnsureTableRequest r = i.getArgument(0);
      journal.add("ensure table " + r.to() + " like " + r.from() + " " + r.toSide());
      existing.put(r.to(), List.of());
      return null;
    }).when(tables).ensureTargetTable(any());
    lenient().when(infra.verifyDeployedResources(any())).thenAnswer(i -> {
      DeployedResourcesRequest r = i.getArgument(0);
      journal.add("verify " + r.stacks() + " " + r.functions() + " " + r.rules());
      List<PhaseItem> found = new ArrayList<>();
      r.stacks().forEach(s -> found.add(new PhaseItem("cloudformation stack " + s, "CREATE_COMPLETE")));
      r.functions().forEach(f -> found.add(new PhaseItem("lambda function " + f, "Active")));
      r.rules().forEach(rule -> found.add(new PhaseItem("eventbridge rule " + rule, "DISABLED")));
      return new DeployedResources(found, List.copyOf(missing));
    });
  }

  Object[] activities() {
    return new Object[] {infra, buckets, tables};
  }

  private StorageState state(String name) {
    List<String> lacking = existing.get(name);
    return new StorageState(name, lacking != null, lacking == null ? List.of() : lacking);
  }

  static MigrationConfig config(DeployCommand deploy) {
    RunbookConfig defaults = RunbookConfig.defaults("987654321098", TABLE, BUCKET);
    return new MigrationConfig("avesa-test", "us-east-1", "http://127.0.0.1:5000",
        new AccountConfig("123456789012", null, null, null),
        new AccountConfig("987654321098", null, "arn:aws:iam::987654321098:role/AVESADeploymentRole", "ext-id"),
        new DataConfig(List.of(new BucketMapping("data-storage-msp", BUCKET, List.of())),
            List.of(new TableMapping("TenantServices-prod", TABLE)), new SecretFilter(List.of("tenant/*/prod")), 8,
            CopyMode.AUTO, 2),
        null, null,
        new RunbookConfig(defaults.account(), defaults.role(), defaults.security(),
            new InfrastructureConfig(deploy, List.of(STACK), List.of(FUNCTION), List.of(RULE)), defaults.tenants(),
            null));
  }
}
