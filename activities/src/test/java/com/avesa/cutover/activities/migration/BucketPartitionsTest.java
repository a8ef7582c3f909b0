package com.avesa.cutover.activities.migration;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.activities.testing.S3Fixture;
import com.avesa.cutover.activities.testing.TestEstates;
import com.avesa.cutover.workflows.config.CopyMode;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.migration.BucketPage;
import com.avesa.cutover.workflows.migration.BucketPageRequest;
import com.avesa.cutover.workflows.migration.EnsureBucketRequest;
import com.avesa.cutover.workflows.migration.ExtrasPage;
import com.avesa.cutover.workflows.migration.ExtrasPageRequest;
import com.avesa.cutover.workflows.migration.ExtrasRule;
import com.avesa.cutover.workflows.migration.KeyRange;
import com.avesa.cutover.workflows.migration.PartitionRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Partition discovery on moto, and pages that keep to their partition's key range. */
class BucketPartitionsTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();

  static final String SOURCE = "partition-src";
  static final String TARGET = "partition-dst";

  private AwsClients clients;
  private BucketActivitiesImpl activities;
  private Estate estate;
  private S3Fixture source;
  private S3Fixture target;

  @BeforeEach
  void setUp() {
    clients = new AwsClients();
    activities = new BucketActivitiesImpl(clients, new MigrationMetrics(new SimpleMeterRegistry()));
    estate = TestEstates.crossAccount(MOTO.endpoint());
    source = new S3Fixture(clients.s3(estate, Side.SOURCE), SOURCE);
    target = new S3Fixture(clients.s3(estate, Side.TARGET), TARGET);
    source.createBucket();
  }

  @AfterEach
  void tearDown() {
    activities.close();
    clients.close();
  }

  @Test
  void avesasLayoutSplitsAtTheTenantsAndEveryKeyIsCopiedByExactlyOnePartition() {
    List<String> keys = new ArrayList<>(List.of("README", "raw/", "raw/loose.json", "canonical/z"));
    for (String tier : List.of("raw", "canonical")) {
      for (int t = 1; t <= 6; t++) {
        for (int i = 0; i < 3; i++) {
          keys.add(tier + "/t" + t + "/2026/" + i + ".json");
        }
      }
    }
    keys.forEach(key -> source.putRandom(key, 10));

    List<KeyRange> ranges = activities.partitions(new PartitionRequest(estate, Side.SOURCE, SOURCE, "", 32));

    assertThat(ranges).hasSizeGreaterThanOrEqualTo(12).hasSizeLessThanOrEqualTo(32);
    assertThat(ranges).extracting(KeyRange::endAt).contains("raw/t2/", "canonical/t2/");
    assertThat(copyAll(ranges, "")).isEqualTo(keys.size());
    keys.forEach(key -> assertThat(target.body(key)).as(key).isEqualTo(source.body(key)));
  }

  @Test
  void fewPrefixesSplitWhereTheKeysBranchAndTheRangesStillCoverEveryKeyOnce() {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      keys.add(String.format("obj/%07d", i));
    }
    keys.add("obj/");
    keys.add("obj/0000050\uD83D\uDE00-emoji");
    keys.add("obj/00000\uFFFD");
    keys.forEach(key -> source.putRandom(key, 5));

    List<KeyRange> ranges = activities.partitions(new PartitionRequest(estate, Side.SOURCE, SOURCE, "obj/", 8));

    assertThat(ranges).hasSizeGreaterThan(1).hasSizeLessThanOrEqualTo(8);
    assertThat(copyAll(ranges, "obj/")).isEqualTo(keys.size());
    keys.forEach(key -> assertThat(target.body(key)).as(key).isEqualTo(source.body(key)));
  }

  @Test
  void extrasOfThePartitionedTargetAreFoundOnceEach() {
    for (int t = 1; t <= 4; t++) {
      source.putRandom("raw/t" + t + "/a.json", 5);
    }
    ensureTarget();
    List<KeyRange> ranges = activities.partitions(new PartitionRequest(estate, Side.SOURCE, SOURCE, "", 16));
    copyAll(ranges, "");
    target.putRandom("raw/t2/only-in-target.json", 5);
    target.putRandom("raw/t9/only-in-target.json", 5);

    List<String> extras = new ArrayList<>();
    for (KeyRange range : ranges) {
      ExtrasPage page = activities.extrasPage(new ExtrasPageRequest(estate, Side.SOURCE, SOURCE, TARGET, "", null,
          1000, ExtrasRule.REPORT_ONLY, range.startAfter(), range.endAt()));
      assertThat(page.nextToken()).isNull();
      extras.addAll(page.extras().samples());
    }

    assertThat(ranges).hasSizeGreaterThan(1);
    assertThat(extras).containsExactlyInAnyOrder("raw/t2/only-in-target.json", "raw/t9/only-in-target.json");
  }

  @Test
  void aMissingOrEmptyBucketIsOneRangeAndAMaxOfOneNeverLists() {
    assertThat(activities.partitions(new PartitionRequest(estate, Side.SOURCE, "no-such-bucket", "", 8)))
        .containsExactly(KeyRange.ALL);
    assertThat(activities.partitions(new PartitionRequest(estate, Side.SOURCE, SOURCE, "", 8)))
        .containsExactly(KeyRange.ALL);
    assertThat(activities.partitions(new PartitionRequest(estate, Side.SOURCE, "no-such-bucket", "", 1)))
        .containsExactly(KeyRange.ALL);
  }

  @Test
  void keysCompareAsS3OrdersThemByUtf8Bytes() {
    assertThat(KeyOrder.compare("a\uFFFD", "a\uD83D\uDE00")).isNegative(); // U+FFFD < U+1F600, unlike UTF-16 units
    assertThat(KeyOrder.compare("raw/", "raw/t1/")).isNegative();
    assertThat(KeyOrder.compare("raw/t1/", "raw/t1/")).isZero();
    assertThat(BucketPartitions.ranges(List.of("c/", "a/", "b/"), 8))
        .containsExactly(new KeyRange(null, "b/"), new KeyRange("b/", "c/"), new KeyRange("c/", null));
    assertThat(BucketPartitions.ranges(List.of("a", "b", "c", "d", "e", "f"), 3)).hasSize(3);
  }

  /**
   * Copies every range page by page (two keys a page) and returns how many objects the pages
   * listed: with every key in the target afterwards, equal to the key count means each once.
   */
  private long copyAll(List<KeyRange> ranges, String prefix) {
    ensureTarget();
    long listed = 0;
    for (KeyRange range : ranges) {
      String token = null;
      do {
        BucketPage page = activities.copyPage(new BucketPageRequest(estate, Side.SOURCE, SOURCE, TARGET, prefix, token,
            2, 4, CopyMode.AUTO, 0, range.startAfter(), range.endAt()));
        listed += page.objects();
        token = page.nextToken();
      } while (token != null);
    }
    return listed;
  }

  private void ensureTarget() {
    activities.ensureTargetBucket(new EnsureBucketRequest(estate, Side.TARGET, TARGET));
  }
}
