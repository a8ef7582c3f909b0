package com.avesa.cutover.workflows.decommission;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import com.avesa.cutover.workflows.config.ApprovalsConfig;
import com.avesa.cutover.workflows.config.BucketMapping;
import com.avesa.cutover.workflows.config.CopyMode;
import com.avesa.cutover.workflows.config.DataConfig;
import com.avesa.cutover.workflows.config.DecommissionConfig;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.config.RunbookConfig;
import com.avesa.cutover.workflows.estate.AccountConfig;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Mocked decommission activities that answer like a healthy source estate (one bucket of 1,234
 * objects in two pages; the second table already gone) and write every call, in order, to one
 * {@link #journal}.
 */
final class DecommissionFixtures {
  static final String BUCKET = "data-storage-msp";
  static final String ARCHIVE = "data-storage-msp-archive";
  static final String RULE = "ConnectWiseIngestionSchedule";
  static final String FUNCTION = "avesa-connectwise-ingestion-prod";
  static final List<String> TABLES = List.of("TenantServices-prod", "LastUpdated-prod");

  final List<String> journal = Collections.synchronizedList(new ArrayList<>());
  final DecommissionActivities activities = mock(DecommissionActivities.class, withSettings().withoutAnnotations());
  /** Problems the last archive page reports (a tampered archive). */
  volatile List<String> archiveProblems = List.of();
  /** How long (real time) the rule's removal takes, to cancel the run while it runs (it is journaled at its start). */
  volatile Duration ruleRemovalTakes = Duration.ZERO;

  DecommissionFixtures() {
    lenient().when(activities.ensureArchiveBucket(any())).thenAnswer(i -> {
      journal.add("ensure archive bucket");
      return ResourceChange.found("s3 bucket " + ARCHIVE, PhaseItem.IN_PLACE);
    });
    lenient().when(activities.archivePage(any())).thenAnswer(i -> {
      ArchivePageRequest r = i.getArgument(0);
      journal.add("archive " + r.sourceBucket() + " page " + r.continuationToken() + " as " + r.storageClass());
      return r.continuationToken() == null
          ? new ArchivePage("page-2", 1_000, 1_000, 1_000_000, 1_000, List.of())
          : new ArchivePage(null, 234, 200, 234_000, 234 - archiveProblems.size(), archiveProblems);
    });
    lenient().when(activities.removeRule(any())).thenAnswer(i -> {
      // journaled when it starts, so a test that waits for the first removal acts while this one runs
      RemovalRequest r = i.getArgument(0);
      journal.add("remove eventbridge rule " + r.name());
      Thread.sleep(ruleRemovalTakes.toMillis());
      return ResourceChange.done("eventbridge rule " + r.name(), "deleted");
    });
    lenient().when(activities.removeFunction(any())).thenAnswer(i -> removed("lambda function", i.getArgument(0)));
    lenient().when(activities.removeTable(any())).thenAnswer(i -> {
      RemovalRequest r = i.getArgument(0);
      return r.name().equals(TABLES.get(1)) ? gone("dynamodb table", r) : removed("dynamodb table", r);
    });
    lenient().when(activities.removeBucketObjects(any())).thenAnswer(i -> {
      RemovalRequest r = i.getArgument(0);
      journal.add("remove s3 bucket objects " + r.name());
      return ResourceChange.done("s3 bucket " + r.name() + " objects", "deleted 1,234 version(s) and 0 delete marker(s)");
    });
  }

  private ResourceChange removed(String kind, RemovalRequest request) {
    journal.add("remove " + kind + " " + request.name());
    return ResourceChange.done(kind + " " + request.name(), "deleted");
  }

  private ResourceChange gone(String kind, RemovalRequest request) {
    journal.add("remove " + kind + " " + request.name());
    return ResourceChange.found(kind + " " + request.name(), ResourceChange.ALREADY_GONE);
  }

  /** Calls that removed something (or tried to). */
  List<String> removals() {
    synchronized (journal) {
      return journal.stream().filter(call -> call.startsWith("remove")).toList();
    }
  }

  /** One source bucket; decommission with the default storage class and retention (P30D). */
  static MigrationConfig config(ApprovalsConfig approvals) {
    return config(approvals, new DecommissionConfig.Removal(List.of(RULE), List.of(FUNCTION), TABLES, true));
  }

  /** The same estate removing what {@code removal} names. */
  static MigrationConfig config(ApprovalsConfig approvals, DecommissionConfig.Removal removal) {
    AccountConfig source = new AccountConfig("123456789012", null, null, null);
    AccountConfig target = new AccountConfig("987654321098", null, "arn:aws:iam::987654321098:role/AVESADeploymentRole",
        "avesa-deployment-key");
    DataConfig data = new DataConfig(List.of(new BucketMapping(BUCKET, BUCKET + "-prod", null)), List.of(), null, 4,
        CopyMode.AUTO, 4);
    RunbookConfig defaults = RunbookConfig.defaults("987654321098", TABLES.get(0), BUCKET + "-prod");
    DecommissionConfig decommission = new DecommissionConfig(ARCHIVE, null, null, removal);
    RunbookConfig runbook = new RunbookConfig(defaults.account(), defaults.role(), defaults.security(),
        defaults.infrastructure(), defaults.tenants(), decommission);
    return new MigrationConfig("avesa-test", "us-east-1", null, source, target, data, null, approvals, runbook);
  }
}
