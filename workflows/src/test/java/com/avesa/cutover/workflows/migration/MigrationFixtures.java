package com.avesa.cutover.workflows.migration;

import com.avesa.cutover.workflows.config.BucketMapping;
import com.avesa.cutover.workflows.config.CopyMode;
import com.avesa.cutover.workflows.config.DataConfig;
import com.avesa.cutover.workflows.config.ExtrasProtection;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.config.SecretFilter;
import com.avesa.cutover.workflows.config.TableMapping;
import com.avesa.cutover.workflows.estate.AccountConfig;
import com.avesa.cutover.workflows.estate.Side;
import java.util.List;
import java.util.Map;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

/** Configs and mocked activities whose answers depend on their input, for workflow-logic tests. */
final class MigrationFixtures {
  static final String SOURCE_BUCKET = "data-storage-msp";
  static final String TARGET_BUCKET = "data-storage-msp-prod";

  final AccountActivities accounts = mock(AccountActivities.class, withSettings().withoutAnnotations());
  final BucketActivities buckets = mock(BucketActivities.class, withSettings().withoutAnnotations());
  final TableActivities tables = mock(TableActivities.class, withSettings().withoutAnnotations());
  final SecretActivities secrets = mock(SecretActivities.class, withSettings().withoutAnnotations());

  static MigrationConfig config(List<String> prefixes) {
    return new MigrationConfig("avesa-test", "us-east-1", "http://127.0.0.1:5000",
        new AccountConfig("123456789012", null, null, null),
        new AccountConfig("987654321098", null, "arn:aws:iam::987654321098:role/AVESADeploymentRole", "ext-id"),
        new DataConfig(List.of(new BucketMapping(SOURCE_BUCKET, TARGET_BUCKET, prefixes)),
            List.of(new TableMapping("TenantServices-prod", "TenantServices")),
            new SecretFilter(List.of("tenant/*/prod")), 8, CopyMode.AUTO, 2));
  }

  /** {@code base} with {@code data.partitions} set. */
  static MigrationConfig partitioned(MigrationConfig base, int partitions) {
    DataConfig data = base.data();
    return new MigrationConfig(base.name(), base.region(), base.endpoint(), base.source(), base.target(),
        new DataConfig(data.buckets(), data.tables(), data.secrets(), data.concurrency(), data.copyMode(),
            data.tableSegments(), data.multipartThreshold(), data.deleteExtras(), data.protect(), partitions),
        null, null);
  }

  /** {@code count} contiguous ranges split at raw/t1/, raw/t2/, …; the first starts, the last ends, unbounded. */
  static List<KeyRange> ranges(int count) {
    List<KeyRange> ranges = new java.util.ArrayList<>();
    String from = null;
    for (int i = 1; i < count; i++) {
      ranges.add(new KeyRange(from, "raw/t" + i + "/"));
      from = "raw/t" + i + "/";
    }
    ranges.add(new KeyRange(from, null));
    return ranges;
  }

  /** {@link #config} with {@code data.tableSegments} set ({@link DataConfig#AUTO_TABLE_SEGMENTS}: auto). */
  static MigrationConfig config(int tableSegments) {
    MigrationConfig base = config(List.of());
    DataConfig data = base.data();
    return new MigrationConfig(base.name(), base.region(), base.endpoint(), base.source(), base.target(),
        new DataConfig(data.buckets(), data.tables(), data.secrets(), data.concurrency(), data.copyMode(),
            tableSegments, data.multipartThreshold(), data.deleteExtras(), data.protect()),
        null, null);
  }

  /** {@link #config} in mirror mode, with one protection of every kind. */
  static MigrationConfig mirrorConfig() {
    MigrationConfig base = config(List.of());
    DataConfig data = base.data();
    ExtrasProtection protect = new ExtrasProtection(List.of("exports/"), Map.of(TARGET_BUCKET, List.of("keep/")),
        List.of(new ExtrasProtection.ProtectedItem("TenantServices", Map.of("tenant_id", "internal"))),
        List.of("tenant/ops-*/prod"));
    return new MigrationConfig(base.name(), base.region(), base.endpoint(), base.source(), base.target(),
        new DataConfig(data.buckets(), data.tables(), data.secrets(), data.concurrency(), data.copyMode(),
            data.tableSegments(), data.multipartThreshold(), true, protect),
        null, null);
  }

  /**
   * Every listing has {@code pages} pages of 10 objects of 100 bytes, tenant "acme"; copies copy
   * 4 (400 bytes) and skip 6 per page; verification finds everything equal. Tables have 5 items per segment
   * with the same digest on both sides (scan plans: {@link #plan}, the target not empty); two secrets,
   * both copied and verified; no extras anywhere.
   */
  MigrationFixtures answering(int pages) {
    lenient().when(accounts.verifyAccess(any())).thenReturn(
        new AccountCheck("123456789012", "arn:src", "987654321098", "arn:dst"));
    lenient().when(buckets.partitions(any())).thenReturn(List.of(KeyRange.ALL));
    lenient().when(buckets.planPage(any())).thenAnswer(i -> page(i.getArgument(0), pages, 10, 0, 0, 0));
    lenient().when(buckets.copyPage(any())).thenAnswer(i -> page(i.getArgument(0), pages, 4, 4, 6, 0));
    lenient().when(buckets.verifyPage(any())).thenAnswer(i -> page(i.getArgument(0), pages, 0, 0, 0, 0));
    lenient().when(tables.copySegment(any())).thenAnswer(i -> segment(i.getArgument(0), 5, 5));
    lenient().when(tables.digestSegment(any())).thenAnswer(i -> segment(i.getArgument(0), 5, 0));
    lenient().when(tables.scanPlan(any())).thenAnswer(i -> plan(i.getArgument(0), ScanPlan.Target.NOT_EMPTY));
    lenient().when(buckets.extrasPage(any())).thenReturn(new ExtrasPage(null, 10, Extras.NONE));
    lenient().when(tables.extrasSegment(any())).thenAnswer(i -> {
      ExtrasSegmentRequest request = i.getArgument(0);
      return new ExtrasSegmentResult(request.segment(), 5, 5, digestOf(request.segment()), Extras.NONE);
    });
    SecretsResult two = new SecretsResult(2, 2, 2, List.of("tenant/acme/prod", "tenant/globex/prod"), List.of());
    lenient().when(secrets.planSecrets(any())).thenReturn(
        new SecretsResult(2, 2, 0, List.of("tenant/acme/prod", "tenant/globex/prod"), List.of()));
    lenient().when(secrets.copySecrets(any())).thenReturn(two);
    lenient().when(secrets.verifySecrets(any())).thenReturn(
        new SecretsResult(2, 0, 0, List.of("tenant/acme/prod", "tenant/globex/prod"), List.of()));
    return this;
  }

  /**
   * The page after {@code request.continuationToken()}: tokens run p1 … p(pages-1), then null.
   * Its objects are 100 bytes each, so {@code copied} objects are {@code 100 * copied} bytes.
   */
  static BucketPage page(BucketPageRequest request, int pages, long toCopy, long copied, long skipped, long failed) {
    int index = request.continuationToken() == null ? 0
        : Integer.parseInt(request.continuationToken().substring(request.prefix().length() + 1));
    String next = index + 1 < pages ? request.prefix() + "p" + (index + 1) : null;
    return new BucketPage(next, 10, 1_000, toCopy, copied, 100 * copied, skipped, failed,
        Map.of("acme", new TenantTally(10, 1_000)), List.of());
  }

  /** 10 items of 1,000 bytes; the request's fixed segment count, else ({@code auto}) 3. */
  static ScanPlan plan(ScanPlanRequest request, ScanPlan.Target target) {
    return new ScanPlan(10, 1_000, request.segments() > 0 ? request.segments() : 3, target);
  }

  /**
   * The tables' segments on {@code written} (the side written to) hold 6 items with another
   * digest, so verification looks their keys up ({@code extrasSegment}).
   */
  MigrationFixtures writtenSegmentsDiffer(Side written) {
    lenient().doAnswer(i -> {
      SegmentRequest request = i.getArgument(0);
      return request.fromSide() == written
          ? new SegmentResult(request.segment(), 6, 0, digestOf(request.segment() + 100))
          : segment(request, 5, 0);
    }).when(tables).digestSegment(any());
    return this;
  }

  /**
   * Segment {@code segment} of the target table holds one extra item, tenant_id=test-msp: its
   * digest differs, and its {@code extrasSegment} finds the 5 source items and the extra.
   */
  MigrationFixtures targetSegmentHasAnExtra(int segment) {
    lenient().doAnswer(i -> {
      SegmentRequest request = i.getArgument(0);
      return request.fromSide() == Side.TARGET && request.segment() == segment
          ? new SegmentResult(segment, 6, 0, digestOf(42))
          : segment(request, 5, 0);
    }).when(tables).digestSegment(any());
    lenient().doReturn(new ExtrasSegmentResult(segment, 6, 5, digestOf(segment),
        new Extras(1, List.of("tenant_id=test-msp"), 0, List.of()))).when(tables).extrasSegment(any());
    return this;
  }

  static SegmentResult segment(SegmentRequest request, long items, long copied) {
    return new SegmentResult(request.segment(), items, copied, digestOf(request.segment()));
  }

  static String digestOf(int segment) {
    String hex = Integer.toHexString(segment + 1);
    return "0".repeat(64 - hex.length()) + hex;
  }

  Object[] activities() {
    return new Object[] {accounts, buckets, tables, secrets};
  }
}
