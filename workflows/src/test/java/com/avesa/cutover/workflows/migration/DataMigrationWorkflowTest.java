package com.avesa.cutover.workflows.migration;

import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.TaskQueues;
import com.avesa.cutover.workflows.config.DataConfig;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.run.MigrationStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class DataMigrationWorkflowTest {

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(DataMigrationWorkflowImpl.class)
      .setDoNotStart(true)
      .build();

  private static DataMigrationWorkflow start(TestWorkflowEnvironment env, Worker worker, MigrationFixtures fx) {
    worker.registerActivitiesImplementations(fx.activities());
    env.start();
    return env.getWorkflowClient().newWorkflowStub(DataMigrationWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(worker.getTaskQueue()).setWorkflowId("migration-test").build());
  }

  @Test
  void copiesEveryPageThenVerifiesEveryPage(TestWorkflowEnvironment env, Worker worker) {
    MigrationFixtures fx = new MigrationFixtures().answering(3);
    MigrationReport report = start(env, worker, fx).migrate(MigrationInput.of(MigrationFixtures.config(List.of()), Mode.COPY));

    assertThat(report.status()).isEqualTo(MigrationStatus.COMPLETED);
    assertThat(report.verified()).isTrue();
    BucketReport bucket = report.buckets().get(0);
    assertThat(bucket.objects()).isEqualTo(30);
    assertThat(bucket.bytes()).isEqualTo(3_000);
    assertThat(bucket.copied()).isEqualTo(12);
    assertThat(bucket.bytesCopied()).isEqualTo(1_200);
    assertThat(bucket.skipped()).isEqualTo(18);
    assertThat(bucket.verifiedObjects()).isEqualTo(30);
    assertThat(bucket.tenants()).containsEntry("acme", new TenantTally(30, 3_000));
    verify(fx.buckets, times(3)).copyPage(any());
    verify(fx.buckets, times(3)).verifyPage(any());
    verify(fx.buckets).copyPage(argThat(r -> r.continuationToken() == null && r.pageSize() <= 1_000));
    verify(fx.buckets).copyPage(argThat(r -> "p2".equals(r.continuationToken())));
    verify(fx.buckets).ensureTargetBucket(argThat(r -> r.bucket().equals(MigrationFixtures.TARGET_BUCKET)));
    assertThat(report.tables()).singleElement().satisfies(t -> {
      assertThat(t.items()).isEqualTo(10);
      assertThat(t.targetItems()).isEqualTo(10);
      assertThat(t.sourceDigest()).isEqualTo(t.targetDigest());
    });
    assertThat(report.secrets().names()).containsExactly("tenant/acme/prod", "tenant/globex/prod");
  }

  @Test
  void eachConfiguredPrefixIsListedSeparately(TestWorkflowEnvironment env, Worker worker) {
    MigrationFixtures fx = new MigrationFixtures().answering(2);
    MigrationReport report = start(env, worker, fx)
        .migrate(MigrationInput.of(MigrationFixtures.config(List.of("raw/", "canonical/")), Mode.SYNC));

    assertThat(report.buckets().get(0).objects()).isEqualTo(40);
    verify(fx.buckets, times(2)).copyPage(argThat(r -> r.prefix().equals("raw/")));
    verify(fx.buckets, times(2)).copyPage(argThat(r -> r.prefix().equals("canonical/")));
  }

  @Test
  void planNeverCallsAWritingActivity(TestWorkflowEnvironment env, Worker worker) {
    MigrationFixtures fx = new MigrationFixtures().answering(2);
    MigrationReport report = start(env, worker, fx).migrate(MigrationInput.of(MigrationFixtures.config(List.of()), Mode.PLAN));

    assertThat(report.mode()).isEqualTo(Mode.PLAN);
    assertThat(report.verified()).isFalse();
    assertThat(report.buckets().get(0).toCopy()).isEqualTo(20);
    assertThat(report.tables().get(0).items()).isEqualTo(10);
    assertThat(report.secrets().matched()).isEqualTo(2);
    verify(fx.buckets, times(2)).planPage(any());
    verify(fx.buckets, never()).copyPage(any());
    verify(fx.buckets, never()).ensureTargetBucket(any());
    verify(fx.tables, never()).ensureTargetTable(any());
    verify(fx.tables, never()).copySegment(any());
    verify(fx.secrets, never()).copySecrets(any());
    verify(fx.tables, atLeastOnce()).digestSegment(argThat(r -> r.fromSide() == Side.SOURCE));
  }

  @Test
  void aTablesSegmentsComeFromItsPlanAndItsTargetIsScannedOnceWithoutLookingKeysUp(
      TestWorkflowEnvironment env, Worker worker) {
    MigrationFixtures fx = new MigrationFixtures().answering(1);
    doAnswer(i -> MigrationFixtures.plan(i.getArgument(0), ScanPlan.Target.EMPTY)).when(fx.tables).scanPlan(any());
    MigrationReport report = start(env, worker, fx)
        .migrate(MigrationInput.of(MigrationFixtures.config(DataConfig.AUTO_TABLE_SEGMENTS), Mode.COPY));

    assertThat(report.verified()).isTrue();
    assertThat(report.tables()).singleElement().satisfies(t -> {
      assertThat(t.items()).isEqualTo(15);
      assertThat(t.copied()).isEqualTo(15);
      assertThat(t.targetItems()).isEqualTo(15);
      assertThat(t.targetDigest()).isEqualTo(t.sourceDigest());
    });
    verify(fx.tables).scanPlan(argThat(r -> r.segments() == DataConfig.AUTO_TABLE_SEGMENTS && r.fromSide() == Side.SOURCE
        && r.from().equals("TenantServices-prod") && r.to().equals("TenantServices")));
    verify(fx.tables, times(3)).copySegment(argThat(r -> r.totalSegments() == 3 && r.writeAll()));
    verify(fx.tables, times(3)).digestSegment(argThat(r -> r.fromSide() == Side.TARGET && r.totalSegments() == 3));
    verify(fx.tables, never()).digestSegment(argThat(r -> r.fromSide() == Side.SOURCE));
    verify(fx.tables, never()).extrasSegment(any());
  }

  @Test
  void aFixedSegmentCountGoesToThePlanAndATargetWithItemsIsCopiedByDifference(
      TestWorkflowEnvironment env, Worker worker) {
    MigrationFixtures fx = new MigrationFixtures().answering(1);
    start(env, worker, fx).migrate(MigrationInput.of(MigrationFixtures.config(7), Mode.SYNC));

    verify(fx.tables).scanPlan(argThat(r -> r.segments() == 7));
    verify(fx.tables, times(7)).copySegment(argThat(r -> r.totalSegments() == 7 && !r.writeAll()));
    verify(fx.tables, times(7)).digestSegment(argThat(r -> r.fromSide() == Side.TARGET));
  }

  @Test
  void onlyTheSegmentsThatDifferLookTheirKeysUp(TestWorkflowEnvironment env, Worker worker) {
    MigrationFixtures fx = new MigrationFixtures().answering(1).targetSegmentHasAnExtra(1);

    MigrationReport report = start(env, worker, fx)
        .migrate(MigrationInput.of(MigrationFixtures.config(DataConfig.AUTO_TABLE_SEGMENTS), Mode.SYNC));

    assertThat(report.verified()).isTrue();
    assertThat(report.tables().get(0).targetItems()).isEqualTo(15);
    assertThat(report.tables().get(0).targetDigest()).isEqualTo(report.tables().get(0).sourceDigest());
    assertThat(report.tables().get(0).extras().samples()).containsExactly("tenant_id=test-msp");
    verify(fx.tables).extrasSegment(argThat(r -> r.segment() == 1 && r.totalSegments() == 3 && r.side() == Side.TARGET));
    verify(fx.tables, times(1)).extrasSegment(any());
  }

  @Test
  void aPlanWhoseTargetTableIsMissingScansOnlyTheSource(TestWorkflowEnvironment env, Worker worker) {
    MigrationFixtures fx = new MigrationFixtures().answering(1);
    doAnswer(i -> MigrationFixtures.plan(i.getArgument(0), ScanPlan.Target.MISSING)).when(fx.tables).scanPlan(any());
    MigrationReport report = start(env, worker, fx)
        .migrate(MigrationInput.of(MigrationFixtures.config(DataConfig.AUTO_TABLE_SEGMENTS), Mode.PLAN));

    assertThat(report.tables().get(0).items()).isEqualTo(15);
    assertThat(report.tables().get(0).targetItems()).isZero();
    verify(fx.tables, times(3)).digestSegment(argThat(r -> r.fromSide() == Side.SOURCE && !r.writeAll()));
    verify(fx.tables, never()).digestSegment(argThat(r -> r.fromSide() == Side.TARGET));
    verify(fx.tables, never()).extrasSegment(any());
    verify(fx.tables, never()).copySegment(any());
  }

  @Test
  void objectDifferenceFailsTheRunWithTheReport(TestWorkflowEnvironment env, Worker worker) {
    MigrationFixtures fx = new MigrationFixtures().answering(1);
    doReturn(new BucketPage(null, 10, 1_000, 0, 0, 0, 0, 1, Map.of(),
        List.of("data-storage-msp-prod/raw/acme/x.parquet: SHA-256 differs"))).when(fx.buckets).verifyPage(any());
    DataMigrationWorkflow workflow = start(env, worker, fx);

    assertThatThrownBy(() -> workflow.migrate(MigrationInput.of(MigrationFixtures.config(List.of()), Mode.COPY)))
        .isInstanceOfSatisfying(WorkflowFailedException.class, e -> {
          ApplicationFailure failure = (ApplicationFailure) e.getCause();
          assertThat(failure.getType()).isEqualTo(FailureType.VERIFICATION_FAILED.type());
          MigrationReport report = failure.getDetails().get(0, MigrationReport.class);
          assertThat(report.status()).isEqualTo(MigrationStatus.FAILED);
          assertThat(report.verified()).isFalse();
          assertThat(report.problems()).containsExactly("data-storage-msp-prod/raw/acme/x.parquet: SHA-256 differs");
          assertThat(report.buckets().get(0).verifiedObjects()).isEqualTo(9);
        });
  }

  @Test
  void differencesBeyondThoseListedAreCountedNotDropped(TestWorkflowEnvironment env, Worker worker) {
    MigrationFixtures fx = new MigrationFixtures().answering(1);
    doReturn(new BucketPage(null, 10, 1_000, 0, 0, 0, 0, 7, Map.of(),
        List.of("data-storage-msp-prod/a: size differs", "data-storage-msp-prod/b: size differs")))
        .when(fx.buckets).verifyPage(any());
    DataMigrationWorkflow workflow = start(env, worker, fx);

    assertThatThrownBy(() -> workflow.migrate(MigrationInput.of(MigrationFixtures.config(List.of()), Mode.COPY)))
        .isInstanceOfSatisfying(WorkflowFailedException.class, e -> {
          MigrationReport report = ((ApplicationFailure) e.getCause()).getDetails().get(0, MigrationReport.class);
          assertThat(report.problems()).hasSize(2);
          assertThat(report.problemsOmitted()).isEqualTo(5);
          assertThat(e.getCause().getMessage()).contains("7 difference(s)");
        });
  }

  @Test
  void tableDigestMismatchFailsVerification(TestWorkflowEnvironment env, Worker worker) {
    MigrationFixtures fx = new MigrationFixtures().answering(1).writtenSegmentsDiffer(Side.TARGET);
    doAnswer(i -> new ExtrasSegmentResult(((ExtrasSegmentRequest) i.getArgument(0)).segment(), 5, 5, "f".repeat(64),
        Extras.NONE)).when(fx.tables).extrasSegment(any());
    DataMigrationWorkflow workflow = start(env, worker, fx);

    assertThatThrownBy(() -> workflow.migrate(MigrationInput.of(MigrationFixtures.config(List.of()), Mode.COPY)))
        .isInstanceOfSatisfying(WorkflowFailedException.class, e -> {
          MigrationReport report = ((ApplicationFailure) e.getCause()).getDetails().get(0, MigrationReport.class);
          assertThat(report.problems()).singleElement().asString()
              .contains("TenantServices-prod").contains("TenantServices");
        });
  }

  @Test
  void aSourceItemMissingFromTheTargetFailsVerificationEvenWhenExtrasMakeTheCountsEqual(
      TestWorkflowEnvironment env, Worker worker) {
    MigrationFixtures fx = new MigrationFixtures().answering(1).writtenSegmentsDiffer(Side.TARGET);
    doAnswer(i -> new ExtrasSegmentResult(((ExtrasSegmentRequest) i.getArgument(0)).segment(), 5, 4,
        MigrationFixtures.digestOf(7), new Extras(1, List.of("tenant_id=test-msp"), 0, List.of())))
        .when(fx.tables).extrasSegment(any());
    DataMigrationWorkflow workflow = start(env, worker, fx);

    assertThatThrownBy(() -> workflow.migrate(MigrationInput.of(MigrationFixtures.config(List.of()), Mode.SYNC)))
        .isInstanceOfSatisfying(WorkflowFailedException.class, e -> {
          MigrationReport report = ((ApplicationFailure) e.getCause()).getDetails().get(0, MigrationReport.class);
          assertThat(report.problems()).singleElement().asString().contains("source has 10 items")
              .contains("target has 8");
          assertThat(report.tables().get(0).extras().count()).isEqualTo(2);
        });
  }

  @Test
  void extrasInEveryKindAreReportedAndTheRunStillVerifies(TestWorkflowEnvironment env, Worker worker) {
    MigrationFixtures fx = new MigrationFixtures().answering(1).writtenSegmentsDiffer(Side.TARGET);
    doReturn(new ExtrasPage(null, 12, new Extras(2, List.of("raw/test-msp/a.json", "raw/test-msp/b.json"), 0, List.of())))
        .when(fx.buckets).extrasPage(any());
    doAnswer(i -> new ExtrasSegmentResult(((ExtrasSegmentRequest) i.getArgument(0)).segment(), 6, 5,
        MigrationFixtures.digestOf(((ExtrasSegmentRequest) i.getArgument(0)).segment()),
        new Extras(1, List.of("tenant_id=test-msp"), 0, List.of()))).when(fx.tables).extrasSegment(any());
    doReturn(new SecretsResult(2, 0, 0, List.of("tenant/acme/prod", "tenant/globex/prod"), List.of(),
        new Extras(1, List.of("tenant/test-msp/prod"), 0, List.of()))).when(fx.secrets).verifySecrets(any());

    MigrationReport report = start(env, worker, fx)
        .migrate(MigrationInput.of(MigrationFixtures.config(List.of()), Mode.SYNC));

    assertThat(report.verified()).isTrue();
    assertThat(report.problems()).isEmpty();
    assertThat(report.buckets().get(0).extras().samples()).containsExactly("raw/test-msp/a.json", "raw/test-msp/b.json");
    assertThat(report.tables().get(0).extras().count()).isEqualTo(2);
    assertThat(report.tables().get(0).extras().samples()).containsOnly("tenant_id=test-msp");
    assertThat(report.tables().get(0).targetItems()).isEqualTo(10);
    assertThat(report.secrets().extras().samples()).containsExactly("tenant/test-msp/prod");
    assertThat(ExtrasSummary.of(report)).contains("5 extra(s) only in the target, 0 deleted")
        .contains("data-storage-msp-prod: raw/test-msp/a.json");
    verify(fx.buckets).extrasPage(argThat(r -> r.fromSide() == Side.SOURCE
        && r.toBucket().equals(MigrationFixtures.TARGET_BUCKET) && !r.rule().delete()));
    verify(fx.tables, times(2)).digestSegment(argThat(r -> r.fromSide() == Side.TARGET));
    verify(fx.tables, times(2)).extrasSegment(any());
  }

  @Test
  void deleteExtrasHandsEveryPassItsProtectionsAndTheAddedTenantsRecord(TestWorkflowEnvironment env, Worker worker) {
    MigrationFixtures fx = new MigrationFixtures().answering(1).writtenSegmentsDiffer(Side.TARGET);
    MigrationReport report = start(env, worker, fx)
        .migrate(MigrationInput.of(MigrationFixtures.mirrorConfig(), Mode.SYNC));

    assertThat(report.verified()).isTrue();
    verify(fx.buckets).extrasPage(argThat(r -> r.rule().delete() && !r.rule().dryRun()
        && r.rule().prefixes().equals(List.of("exports/", "keep/"))
        && r.rule().addedTenants().equals(new AddedTenants("TenantServices", "prod"))));
    verify(fx.tables, times(2)).extrasSegment(argThat(r -> r.side() == Side.TARGET && r.table().equals("TenantServices")
        && r.against().equals("TenantServices-prod") && r.rule().delete()
        && r.rule().keys().equals(List.of(Map.of("tenant_id", "internal")))
        && r.rule().addedTenants() != null));
    verify(fx.secrets).copySecrets(argThat(r -> r.extras().delete() && r.extras().secrets().equals(List.of("tenant/ops-*/prod"))));
  }

  @Test
  void aPlanOfMirrorModeOnlyAsksWhatWouldBeDeleted(TestWorkflowEnvironment env, Worker worker) {
    MigrationFixtures fx = new MigrationFixtures().answering(1).writtenSegmentsDiffer(Side.TARGET);
    doReturn(new ExtrasPage(null, 3, new Extras(1, List.of("raw/gone/x"), 1, List.of("raw/gone/x"))))
        .when(fx.buckets).extrasPage(any());
    MigrationReport report = start(env, worker, fx)
        .migrate(MigrationInput.of(MigrationFixtures.mirrorConfig(), Mode.PLAN));

    assertThat(report.buckets().get(0).extras().deletedSamples()).containsExactly("raw/gone/x");
    verify(fx.buckets).extrasPage(argThat(r -> r.rule().delete() && r.rule().dryRun()));
    verify(fx.tables, times(2)).extrasSegment(argThat(r -> r.rule().dryRun()));
    verify(fx.secrets).planSecrets(argThat(r -> r.extras().dryRun()));
    verify(fx.buckets, never()).copyPage(any());
    verify(fx.secrets, never()).copySecrets(any());
  }

  @Test
  void aReversePlanListsTheTargetAndComparesWithTheSourceWritingNothing(TestWorkflowEnvironment env, Worker worker) {
    MigrationFixtures fx = new MigrationFixtures().answering(1).writtenSegmentsDiffer(Side.SOURCE);
    MigrationReport report = start(env, worker, fx).migrate(MigrationInput.reversePlan(MigrationFixtures.config(List.of())));

    assertThat(report.mode()).isEqualTo(Mode.PLAN);
    verify(fx.buckets).planPage(argThat(r -> r.fromSide() == Side.TARGET
        && r.fromBucket().equals(MigrationFixtures.TARGET_BUCKET) && r.toBucket().equals(MigrationFixtures.SOURCE_BUCKET)));
    verify(fx.buckets).extrasPage(argThat(r -> r.fromSide() == Side.TARGET && r.toBucket().equals(MigrationFixtures.SOURCE_BUCKET)));
    verify(fx.tables, times(2)).digestSegment(argThat(r -> r.fromSide() == Side.TARGET && r.from().equals("TenantServices")));
    verify(fx.tables, times(2)).extrasSegment(argThat(r -> r.side() == Side.SOURCE && r.table().equals("TenantServices-prod")));
    verify(fx.secrets).planSecrets(argThat(r -> r.fromSide() == Side.TARGET));
    verify(fx.buckets, never()).ensureTargetBucket(any());
    verify(fx.buckets, never()).copyPage(any());
    verify(fx.tables, never()).copySegment(any());
  }

  @Test
  void accountMismatchStopsTheRunBeforeAnythingIsWritten(TestWorkflowEnvironment env, Worker worker) {
    MigrationFixtures fx = new MigrationFixtures().answering(1);
    when(fx.accounts.verifyAccess(any())).thenThrow(ApplicationFailure.newNonRetryableFailure(
        "target account mismatch: the config says 987654321098 but the credentials act as 111122223333",
        FailureType.ACCOUNT_MISMATCH.type()));
    DataMigrationWorkflow workflow = start(env, worker, fx);

    assertThatThrownBy(() -> workflow.migrate(MigrationInput.of(MigrationFixtures.config(List.of()), Mode.COPY)))
        .isInstanceOfSatisfying(WorkflowFailedException.class, e -> {
          ApplicationFailure failure = (ApplicationFailure) e.getCause();
          assertThat(failure.getType()).isEqualTo(FailureType.ACCOUNT_MISMATCH.type());
          assertThat(failure.getOriginalMessage()).contains("987654321098").contains("111122223333");
          MigrationReport report = failure.getDetails().get(0, MigrationReport.class);
          assertThat(report.problems()).singleElement().asString().contains("111122223333");
        });
    verify(fx.accounts, times(1)).verifyAccess(any());
    verify(fx.buckets, never()).ensureTargetBucket(any());
    verify(fx.buckets, never()).copyPage(any());
    verify(fx.tables, never()).ensureTargetTable(any());
    verify(fx.secrets, never()).copySecrets(any());
  }

  @Test
  void aPageThatFailsIsRetriedFromItsOwnTokenAndCountedOnce(TestWorkflowEnvironment env, Worker worker) {
    MigrationFixtures fx = new MigrationFixtures().answering(3);
    doAnswer(i -> MigrationFixtures.page(i.getArgument(0), 3, 4, 4, 6, 0))
        .doThrow(new IllegalStateException("connection reset"))
        .doAnswer(i -> MigrationFixtures.page(i.getArgument(0), 3, 4, 4, 6, 0))
        .when(fx.buckets).copyPage(any());
    MigrationReport report = start(env, worker, fx).migrate(MigrationInput.of(MigrationFixtures.config(List.of()), Mode.COPY));

    assertThat(report.buckets().get(0).objects()).isEqualTo(30);
    assertThat(report.buckets().get(0).copied()).isEqualTo(12);
    verify(fx.buckets, times(2)).copyPage(argThat(r -> "p1".equals(r.continuationToken())));
    verify(fx.buckets, times(1)).copyPage(argThat(r -> r.continuationToken() == null));
  }

  @Test
  void continuesAsNewWithinItsHistoryBudgetAndLosesNoCount(TestWorkflowEnvironment env, Worker worker) {
    MigrationFixtures fx = new MigrationFixtures().answering(25);
    MigrationInput input = new MigrationInput(MigrationFixtures.config(List.of()), Mode.COPY, null, 40);
    DataMigrationWorkflow workflow = start(env, worker, fx);
    MigrationReport report = workflow.migrate(input);

    assertThat(report.runs()).isGreaterThan(2);
    assertThat(report.buckets().get(0).objects()).isEqualTo(250);
    assertThat(report.buckets().get(0).bytesCopied()).isEqualTo(25 * 400);
    assertThat(workflow.progress().bytesCopied()).isEqualTo(25 * 400);
    assertThat(report.buckets().get(0).verifiedObjects()).isEqualTo(250);
    verify(fx.buckets, times(25)).copyPage(any());
    verify(fx.buckets, times(25)).verifyPage(any());
    verify(fx.accounts, times(1)).verifyAccess(any());
    verify(fx.tables, times(2)).copySegment(any());
    verify(fx.secrets, times(1)).copySecrets(any());
  }

  @Test
  void twentyPagesOfAThousandKeysStayUnderFourHundredHistoryEvents(TestWorkflowEnvironment env, Worker worker) {
    // 20,000 objects are 20 listing pages of 1,000 keys: history grows with pages, never with objects.
    MigrationFixtures fx = new MigrationFixtures().answering(20);
    MigrationReport report = start(env, worker, fx).migrate(MigrationInput.of(MigrationFixtures.config(List.of()), Mode.COPY));

    int events = env.getWorkflowClient().fetchHistory("migration-test").getEvents().size();
    assertThat(report.runs()).isEqualTo(1);
    assertThat(events).as("history events of the only run").isLessThanOrEqualTo(400);
    verify(fx.buckets, times(20)).copyPage(any());
  }

  @Test
  void partitionsSplitEachListingOnceAndTheBucketTotalsAreTheSumOfItsPartitions(TestWorkflowEnvironment env,
      Worker worker) {
    MigrationFixtures fx = new MigrationFixtures().answering(2);
    when(fx.buckets.partitions(any())).thenReturn(MigrationFixtures.ranges(3));
    MigrationReport report = start(env, worker, fx).migrate(MigrationInput.of(
        MigrationFixtures.partitioned(MigrationFixtures.config(List.of("raw/")), 4), Mode.COPY));

    verify(fx.buckets, times(2)).copyPage(argThat(r -> r.concurrency() == 2 && r.endAt() == null));
    verify(fx.buckets, times(1)).partitions(argThat(r -> r.prefix().equals("raw/") && r.max() == 16
        && r.bucket().equals(MigrationFixtures.SOURCE_BUCKET) && r.side() == Side.SOURCE));
    for (KeyRange range : MigrationFixtures.ranges(3)) {
      verify(fx.buckets, times(2)).copyPage(argThat(r -> java.util.Objects.equals(r.startAfter(), range.startAfter())
          && java.util.Objects.equals(r.endAt(), range.endAt())));
      verify(fx.buckets, times(1)).extrasPage(argThat(r -> java.util.Objects.equals(r.startAfter(), range.startAfter())
          && java.util.Objects.equals(r.endAt(), range.endAt())));
    }
    BucketReport bucket = report.buckets().get(0);
    assertThat(report.buckets()).hasSize(1);
    assertThat(bucket.objects()).isEqualTo(60);
    assertThat(bucket.copied()).isEqualTo(24);
    assertThat(bucket.verifiedObjects()).isEqualTo(60);
    assertThat(bucket.tenants()).containsEntry("acme", new TenantTally(60, 6_000));
    assertThat(report.verified()).isTrue();
  }

  @Test
  void noMoreThanDataPartitionsRangesAreWorkedOnAtOnce(TestWorkflowEnvironment env, Worker worker) {
    MigrationFixtures fx = new MigrationFixtures().answering(1);
    when(fx.buckets.partitions(any())).thenReturn(MigrationFixtures.ranges(6));
    java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
    doAnswer(i -> {
      most.accumulateAndGet(running.incrementAndGet(), Math::max);
      Thread.sleep(200);
      running.decrementAndGet();
      return MigrationFixtures.page(i.getArgument(0), 1, 4, 4, 6, 0);
    }).when(fx.buckets).copyPage(any());
    MigrationReport report = start(env, worker, fx).migrate(MigrationInput.of(
        MigrationFixtures.partitioned(MigrationFixtures.config(List.of()), 2), Mode.COPY));

    assertThat(report.buckets().get(0).objects()).isEqualTo(60);
    verify(fx.buckets, times(6)).copyPage(any());
    assertThat(most.get()).isBetween(1, 2);
  }

  @Test
  void onePartitionNeverSplitsAListing(TestWorkflowEnvironment env, Worker worker) {
    MigrationFixtures fx = new MigrationFixtures().answering(2);
    start(env, worker, fx).migrate(MigrationInput.of(
        MigrationFixtures.partitioned(MigrationFixtures.config(List.of()), 1), Mode.COPY));

    verify(fx.buckets, never()).partitions(any());
    verify(fx.buckets, times(2)).copyPage(argThat(r -> r.startAfter() == null && r.endAt() == null));
  }

  @Test
  void partitionsAreFoundOnceAcrossContinueAsNewAndNoCountIsLost(TestWorkflowEnvironment env, Worker worker) {
    MigrationFixtures fx = new MigrationFixtures().answering(5);
    when(fx.buckets.partitions(any())).thenReturn(MigrationFixtures.ranges(4));
    MigrationReport report = start(env, worker, fx).migrate(new MigrationInput(
        MigrationFixtures.partitioned(MigrationFixtures.config(List.of()), 2), Mode.COPY, null, 60));

    assertThat(report.runs()).isGreaterThan(1);
    verify(fx.buckets, times(1)).partitions(any());
    verify(fx.buckets, times(20)).copyPage(any());
    assertThat(report.buckets().get(0).objects()).isEqualTo(200);
    assertThat(report.buckets().get(0).verifiedObjects()).isEqualTo(200);
  }

  @Test
  void twentyThousandObjectsInThirtyTwoPartitionsStayUnderTwoThousandHistoryEvents(TestWorkflowEnvironment env,
      Worker worker) {
    // 32 ranges of 625 keys: one page each to copy, verify and check for extras.
    MigrationFixtures fx = new MigrationFixtures().answering(1);
    when(fx.buckets.partitions(any())).thenReturn(MigrationFixtures.ranges(32));
    MigrationReport report = start(env, worker, fx).migrate(MigrationInput.of(
        MigrationFixtures.partitioned(MigrationFixtures.config(List.of()), 8), Mode.COPY));

    int events = env.getWorkflowClient().fetchHistory("migration-test").getEvents().size();
    assertThat(report.runs()).isEqualTo(1);
    assertThat(events).as("history events of the only run").isLessThanOrEqualTo(2_000);
    verify(fx.buckets, times(32)).copyPage(any());
  }

  @Test
  void reverseCopiesFromTheTargetAccountBackToTheSource(TestWorkflowEnvironment env, Worker worker) {
    MigrationFixtures fx = new MigrationFixtures().answering(1);
    MigrationReport report = start(env, worker, fx)
        .migrate(MigrationInput.of(MigrationFixtures.config(List.of()), Mode.REVERSE));

    assertThat(report.verified()).isTrue();
    verify(fx.buckets).copyPage(argThat(r -> r.fromSide() == Side.TARGET
        && r.fromBucket().equals(MigrationFixtures.TARGET_BUCKET) && r.toBucket().equals(MigrationFixtures.SOURCE_BUCKET)));
    verify(fx.buckets).ensureTargetBucket(argThat(r -> r.side() == Side.SOURCE
        && r.bucket().equals(MigrationFixtures.SOURCE_BUCKET)));
    verify(fx.tables, times(2)).copySegment(argThat(r -> r.fromSide() == Side.TARGET && r.from().equals("TenantServices")));
  }

  @Test
  void progressQueryReportsTheFinishedRun(TestWorkflowEnvironment env, Worker worker) {
    MigrationFixtures fx = new MigrationFixtures().answering(2);
    DataMigrationWorkflow workflow = start(env, worker, fx);
    WorkflowClient.start(workflow::migrate, MigrationInput.of(MigrationFixtures.config(List.of()), Mode.COPY));
    env.getWorkflowClient().newUntypedWorkflowStub("migration-test").getResult(MigrationReport.class);

    MigrationProgress progress = workflow.progress();
    assertThat(progress.phase()).isEqualTo("DONE");
    assertThat(progress.objects()).isEqualTo(20);
    assertThat(progress.objectsCopied()).isEqualTo(8);
    assertThat(progress.bytesCopied()).isEqualTo(800);
    assertThat(progress.bytes()).isEqualTo(2_000);
    assertThat(progress.items()).isEqualTo(10);
    assertThat(progress.secretsCopied()).isEqualTo(2);
    assertThat(TaskQueues.AVESA_CUTOVER).isEqualTo("avesa-cutover");
  }

  @Test
  void progressSplitsObjectsIntoCopiedCheckedFailedAndVerified(TestWorkflowEnvironment env, Worker worker) {
    MigrationFixtures fx = new MigrationFixtures().answering(2);
    doAnswer(i -> MigrationFixtures.page(i.getArgument(0), 2, 4, 3, 6, 1)).when(fx.buckets).copyPage(any());
    doAnswer(i -> MigrationFixtures.page(i.getArgument(0), 2, 0, 0, 0, 2)).when(fx.buckets).verifyPage(any());
    DataMigrationWorkflow workflow = start(env, worker, fx);
    WorkflowClient.start(workflow::migrate, MigrationInput.of(MigrationFixtures.config(List.of()), Mode.COPY));
    // The run fails (objects failed and differ); its progress still counts what happened.
    catchThrowable(() -> env.getWorkflowClient().newUntypedWorkflowStub("migration-test").getResult(MigrationReport.class));

    MigrationProgress progress = workflow.progress();

    // Two pages of 10: each copies 3, finds 6 identical and fails 1; verification finds 2 of each 10 differ.
    assertThat(progress.objects()).isEqualTo(20);
    assertThat(progress.objectsCopied()).isEqualTo(6);
    assertThat(progress.objectsChecked()).isEqualTo(12);
    assertThat(progress.objectsFailed()).isEqualTo(2);
    assertThat(progress.objectsVerified()).isEqualTo(16);
  }
}
