package com.avesa.cutover.activities.migration;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.aws.BucketSetup;
import com.avesa.cutover.activities.aws.Failures;
import com.avesa.cutover.activities.aws.Heartbeats;
import com.avesa.cutover.activities.migration.ObjectCopier.Route;
import com.avesa.cutover.activities.migration.ObjectSync.Outcome;
import com.avesa.cutover.activities.migration.ObjectSync.Result;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.config.CopyMode;
import com.avesa.cutover.workflows.config.VerifyMode;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.migration.BucketActivities;
import com.avesa.cutover.workflows.migration.BucketPage;
import com.avesa.cutover.workflows.migration.BucketPageRequest;
import com.avesa.cutover.workflows.migration.EnsureBucketRequest;
import com.avesa.cutover.workflows.migration.Extras;
import com.avesa.cutover.workflows.migration.ExtrasPage;
import com.avesa.cutover.workflows.migration.ExtrasPageRequest;
import com.avesa.cutover.workflows.migration.KeyRange;
import com.avesa.cutover.workflows.migration.PartitionRequest;
import com.avesa.cutover.workflows.migration.TenantTally;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * S3 pages on the AWS SDK v2. Each page's objects are compared (and copied) in parallel on a
 * pool owned by this object, at most {@code request.concurrency()} per call; the calling thread
 * heartbeats while it waits. Close it when the worker stops.
 */
public class BucketActivitiesImpl implements BucketActivities, AutoCloseable {
  static final int MAX_PROBLEMS_PER_PAGE = 50;
  private static final int MAX_PAGE_SIZE = 1000;
  private static final int OBJECT_THREADS = 256;
  private static final int PART_THREADS = 64;
  /** How often a page heartbeats while it waits on its listings (the page activities' heartbeat timeout is 10 s). */
  static final Duration LISTING_HEARTBEAT = Duration.ofSeconds(2);

  private enum Pass {
    PLAN,
    COPY,
    VERIFY
  }

  /**
   * Heartbeat details while a page is worked on; {@code uploads}: its unfinished multipart copies,
   * which a retried attempt resumes.
   */
  record PageProgress(String bucket, String continuationToken, int done, int objects, List<MultipartCopy.Upload> uploads) {
    /** No multipart upload under way. */
    PageProgress(String bucket, String continuationToken, int done, int objects) {
      this(bucket, continuationToken, done, objects, List.of());
    }

    boolean isOf(BucketPageRequest request) {
      return Objects.equals(bucket, request.fromBucket()) && Objects.equals(continuationToken, request.continuationToken());
    }
  }

  private final AwsClients clients;
  private final MigrationMetrics metrics;
  private final ParallelRunner objectRunner = new ParallelRunner("avesa-s3-object", OBJECT_THREADS);
  private final ParallelRunner partRunner = new ParallelRunner("avesa-s3-part", PART_THREADS);
  private final ObjectSync sync;
  private final ListingPrefetch prefetch = new ListingPrefetch();
  private final MultipartCopy.Uploads uploads = new MultipartCopy.Uploads();

  public BucketActivitiesImpl(AwsClients clients, MigrationMetrics metrics) {
    this(clients, metrics, ObjectCopier.DEFAULT_MULTIPART_THRESHOLD, ObjectCopier.DEFAULT_PART_SIZE);
  }

  /** With a smaller multipart threshold and part size, so tests exercise multipart copies cheaply. */
  BucketActivitiesImpl(AwsClients clients, MigrationMetrics metrics, long multipartThreshold, long partSize) {
    this.clients = clients;
    this.metrics = metrics;
    this.sync = new ObjectSync(new ObjectCopier(partRunner, uploads, multipartThreshold, partSize),
        new PrefixShaper(PrefixShaper.S3_WRITES_PER_PREFIX));
  }

  @Override
  public void ensureTargetBucket(EnsureBucketRequest request) {
    new BucketSetup(clients.s3(request.estate(), request.side()), request.estate().region())
        .ensure(request.bucket(), request.estate().account(request.side()).accountId());
  }

  @Override
  public List<KeyRange> partitions(PartitionRequest request) {
    Heartbeats.beat(new PageProgress(request.bucket(), null, 0, 0));
    S3Client s3 = clients.s3(request.estate(), request.side());
    return new BucketPartitions(s3, request.bucket(), request.unsplitUpTo()).split(request.prefix(), request.max());
  }

  @Override
  public BucketPage planPage(BucketPageRequest request) {
    return runPage(request, Pass.PLAN);
  }

  @Override
  public BucketPage copyPage(BucketPageRequest request) {
    return runPage(request, Pass.COPY);
  }

  @Override
  public BucketPage verifyPage(BucketPageRequest request) {
    return runPage(request, Pass.VERIFY);
  }

  @Override
  public ExtrasPage extrasPage(ExtrasPageRequest request) {
    Side toSide = request.fromSide() == Side.SOURCE ? Side.TARGET : Side.SOURCE;
    S3Client to = clients.s3(request.estate(), toSide);
    S3Client from = clients.s3(request.estate(), request.fromSide());
    String prefix = request.prefix() == null || request.prefix().isEmpty() ? null : request.prefix();
    int pageSize = pageSize(request.pageSize());
    PageProgress started = new PageProgress(request.toBucket(), request.continuationToken(), 0, 0, List.of());
    return Heartbeats.whileRunning(started, LISTING_HEARTBEAT, () -> extras(request, from, to, prefix, pageSize));
  }

  /** An extras page: listings only (one of the written side, one or two of the other), heartbeating while they run. */
  private ExtrasPage extras(ExtrasPageRequest request, S3Client from, S3Client to, String prefix, int pageSize) {
    ListObjectsV2Response listing;
    try {
      listing = KeyOrder.endingAt(to.listObjectsV2(b -> b.bucket(request.toBucket()).prefix(prefix)
          .startAfter(request.continuationToken() == null ? request.startAfter() : null)
          .continuationToken(request.continuationToken()).maxKeys(pageSize)), request.endAt());
    } catch (SdkException e) {
      if (Failures.isNotFound(e)) {
        return new ExtrasPage(null, 0, Extras.NONE);
      }
      throw Failures.classify("list " + request.toBucket(), e);
    }
    List<String> extras = new ArrayList<>();
    try {
      Set<String> inFrom = TargetListing.present(from, request.fromBucket(), request.prefix(), listing.contents());
      for (S3Object object : listing.contents()) { // the listing covers the page's first key too: no HEAD
        if (!inFrom.contains(object.key())) {
          extras.add(object.key());
        }
      }
    } catch (SdkException e) {
      throw Failures.classify("list " + request.fromBucket() + " for the extras of " + request.toBucket(), e);
    }
    ExtrasProtector protector = new ExtrasProtector(request.rule(),
        ExtrasProtector.addedTenantsOf(clients, request.estate(), request.rule()));
    List<String> deleting = !protector.deletes() || extras.isEmpty() ? List.of()
        : extras.stream().filter(key -> !protector.protectsKey(key)).toList();
    if (!deleting.isEmpty() && !protector.dryRun()) {
      deleteObjects(to, request.toBucket(), deleting);
    }
    String next = Boolean.TRUE.equals(listing.isTruncated()) ? listing.nextContinuationToken() : null;
    return new ExtrasPage(next, listing.contents().size(), new Extras(extras.size(), extras, deleting.size(), deleting));
  }

  /** Deletes the current version of each key (at most 1,000: one page); a key S3 could not delete fails the call. */
  private static void deleteObjects(S3Client s3, String bucket, List<String> keys) {
    try {
      DeleteObjectsResponse response = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.quiet(true)
          .objects(keys.stream().map(key -> ObjectIdentifier.builder().key(key).build()).toList())));
      if (response.hasErrors() && !response.errors().isEmpty()) {
        S3Error first = response.errors().get(0);
        throw new IllegalStateException("delete extras in " + bucket + ": " + response.errors().size()
            + " key(s) not deleted, first " + first.key() + " (" + first.code() + ")");
      }
    } catch (SdkException e) {
      throw Failures.classify("delete extras in " + bucket, e);
    }
  }

  @Override
  public void close() {
    objectRunner.close();
    partRunner.close();
    prefetch.close();
  }

  /** A page's source listing and, where the pass compares, the target's objects under the same keys. */
  private record Listings(ListObjectsV2Response source, Map<String, S3Object> inTarget) {}

  /**
   * The page's source listing (prefetched, or listed now; the next page is prefetched) and, when
   * {@code compare}, the target's listing of the same key range.
   */
  private Listings listings(Route route, BucketPageRequest request, boolean compare) {
    ListObjectsV2Response listing = prefetch.take(page(route.from(), request, request.continuationToken()))
        .orElseGet(() -> list(route.from(), request));
    if (Boolean.TRUE.equals(listing.isTruncated()) && listing.nextContinuationToken() != null) {
      String next = listing.nextContinuationToken();
      prefetch.prefetch(page(route.from(), request, next), () -> listRaw(route.from(), request, next));
    }
    return new Listings(listing, compare ? listTarget(route, request, listing.contents()) : Map.of());
  }

  private BucketPage runPage(BucketPageRequest request, Pass pass) {
    Side toSide = request.fromSide() == Side.SOURCE ? Side.TARGET : Side.SOURCE;
    Route route = new Route(
        clients.s3(request.estate(), request.fromSide()),
        clients.s3(request.estate(), toSide),
        request.fromBucket(),
        request.toBucket(),
        request.multipartThreshold());
    // The listings of both sides come before the page's first heartbeat of its own: on a large or
    // busy store they can outlast the heartbeat timeout, so they heartbeat while they run (the
    // previous attempt's details, so a retry still finds the multipart uploads it recorded).
    PageProgress listingDetails = Heartbeats.lastDetails(PageProgress.class)
        .orElse(new PageProgress(request.fromBucket(), request.continuationToken(), 0, 0, List.of()));
    boolean byListing = request.verify() == VerifyMode.LISTING;
    boolean compare = pass == Pass.COPY || (pass == Pass.VERIFY && byListing);
    Listings listings = Heartbeats.whileRunning(listingDetails, LISTING_HEARTBEAT, () -> listings(route, request, compare));
    ListObjectsV2Response listing = listings.source();
    List<S3Object> objects = listing.contents();
    Map<String, S3Object> inTarget = listings.inTarget();
    AtomicInteger done = new AtomicInteger();
    AtomicBoolean serverCopyRefused = new AtomicBoolean();
    CopyMode mode = request.copyMode() == null ? CopyMode.AUTO : request.copyMode();
    String guard = pass == Pass.COPY && byListing ? ObjectSync.firstToCopy(objects, inTarget) : null;
    List<Callable<Result>> tasks = new ArrayList<>(objects.size());
    for (S3Object object : objects) {
      tasks.add(() -> {
        try {
          S3Object copy = inTarget.get(object.key());
          return switch (pass) {
            case PLAN -> sync.plan(route, object.key());
            case COPY -> byListing
                ? sync.copyAgainstListing(route, object, copy, mode, serverCopyRefused,
                    object.key().equals(guard) || ObjectSync.sampled(object.key(), request.verifySample()))
                : copy != null
                    ? sync.copy(route, object.key(), mode, serverCopyRefused)
                    : sync.copyMissing(route, object, mode, serverCopyRefused);
            case VERIFY -> byListing ? sync.verifyAgainstListing(route, object, copy) : sync.verify(route, object.key());
          };
        } catch (SdkException e) {
          throw Failures.classify(
              pass.name().toLowerCase() + " " + route.fromBucket() + "/" + object.key() + " -> " + route.toBucket(), e);
        } finally {
          done.incrementAndGet();
        }
      });
    }
    List<String> keys = objects.stream().map(S3Object::key).toList();
    if (pass == Pass.COPY) {
      Heartbeats.lastDetails(PageProgress.class)
          .filter(last -> last.isOf(request) && last.uploads() != null)
          .ifPresent(last -> uploads.offer(route.toBucket(), last.uploads()));
    }
    Runnable heartbeat = () -> Heartbeats.beat(new PageProgress(request.fromBucket(), request.continuationToken(),
        done.get(), objects.size(), pass == Pass.COPY ? uploads.of(route.toBucket(), keys) : List.of()));
    heartbeat.run();
    List<Result> results = objectRunner.runAll(tasks, request.concurrency(), heartbeat);
    return summarize(request.estate(), listing, results, pass);
  }

  /** What the target lists in the page's key range (the target bucket exists: COPY ensured it). */
  private static Map<String, S3Object> listTarget(Route route, BucketPageRequest request, List<S3Object> objects) {
    try {
      return TargetListing.listed(route.to(), route.toBucket(), request.prefix(), objects);
    } catch (SdkException e) {
      if (Failures.isNotFound(e)) {
        Side toSide = request.fromSide() == Side.SOURCE ? Side.TARGET : Side.SOURCE;
        throw Failures.nonRetryable(FailureType.NOT_FOUND, toSide.name().toLowerCase() + " bucket "
            + route.toBucket() + " does not exist (account " + request.estate().account(toSide).accountId() + ")");
      }
      throw Failures.classify("list " + route.toBucket(), e);
    }
  }

  private static ListingPrefetch.Page page(S3Client s3, BucketPageRequest request, String token) {
    return new ListingPrefetch.Page(s3, request.fromBucket(), request.prefix(), token, pageSize(request));
  }

  private static int pageSize(BucketPageRequest request) {
    return pageSize(request.pageSize());
  }

  /** At most 1,000 keys a page; 0 or less: 1,000. */
  private static int pageSize(int requested) {
    return Math.max(1, Math.min(MAX_PAGE_SIZE, requested <= 0 ? MAX_PAGE_SIZE : requested));
  }

  /** One page; a partition's first page starts after its range's start, and every page ends at its end. */
  private static ListObjectsV2Response listRaw(S3Client s3, BucketPageRequest request, String token) {
    return KeyOrder.endingAt(s3.listObjectsV2(b -> b
        .bucket(request.fromBucket())
        .prefix(request.prefix() == null || request.prefix().isEmpty() ? null : request.prefix())
        .startAfter(token == null ? request.startAfter() : null)
        .continuationToken(token)
        .maxKeys(pageSize(request))), request.endAt());
  }

  private ListObjectsV2Response list(S3Client s3, BucketPageRequest request) {
    try {
      return listRaw(s3, request, request.continuationToken());
    } catch (SdkException e) {
      if (Failures.isNotFound(e)) {
        String account = request.estate().account(request.fromSide()).accountId();
        throw Failures.nonRetryable(FailureType.NOT_FOUND, request.fromSide().name().toLowerCase() + " bucket "
            + request.fromBucket() + " does not exist (account " + account + ")");
      }
      throw Failures.classify("list " + request.fromBucket(), e);
    }
  }

  private BucketPage summarize(Estate estate, ListObjectsV2Response listing, List<Result> results, Pass pass) {
    long objects = 0, bytes = 0, toCopy = 0, copied = 0, bytesCopied = 0, skipped = 0, failed = 0;
    Map<String, TenantTally> tenants = new HashMap<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      Result result = results.get(i);
      if (result.outcome() == Outcome.VANISHED) {
        continue;
      }
      S3Object object = listing.contents().get(i);
      objects++;
      bytes += object.size();
      Tenants.of(object.key()).ifPresent(t -> tenants.merge(t, new TenantTally(1, object.size()), TenantTally::plus));
      switch (result.outcome()) {
        case IDENTICAL -> skipped++;
        case COPIED -> {
          toCopy++;
          copied++;
          bytesCopied += result.bytes();
          metrics.objectCopied(estate, result.bytes());
        }
        case DIFFERENT -> toCopy++;
        default -> throw new IllegalStateException("unexpected outcome " + result.outcome());
      }
      // a difference verification found, or a copy whose ETag or sampled full check disagrees
      if (result.problem() != null) {
        failed++;
        if (problems.size() < MAX_PROBLEMS_PER_PAGE) {
          problems.add(result.problem());
        }
      }
    }
    if (failed > 0) {
      metrics.verificationFailures(estate, failed);
    }
    if (pass == Pass.COPY) {
      metrics.objectsSkipped(estate, skipped);
    }
    String next = Boolean.TRUE.equals(listing.isTruncated()) ? listing.nextContinuationToken() : null;
    return new BucketPage(next, objects, bytes, toCopy, copied, bytesCopied, skipped, failed, tenants, problems);
  }
}
