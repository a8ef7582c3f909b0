package com.avesa.cutover.activities.migration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

/**
 * Lists a listing's next page while the current page is worked on, so the activity for the next
 * page (usually on this worker) finds its listing ready. Bounded: at most {@value #MAX_ENTRIES}
 * listings of at most 1,000 keys, each used once and dropped after {@value #MAX_AGE_SECONDS} s. A
 * miss, an expired entry or a failed prefetch simply lists again, so errors surface where they did.
 */
final class ListingPrefetch implements AutoCloseable {
  static final int MAX_ENTRIES = 64;
  static final int MAX_AGE_SECONDS = 60;

  /** One page of one listing: who lists (the client is per account), what, from which token. */
  record Page(S3Client s3, String bucket, String prefix, String continuationToken, int pageSize) {}

  private record Entry(CompletableFuture<ListObjectsV2Response> listing, long createdNanos) {}

  private final ExecutorService pool = Executors.newFixedThreadPool(2, runnable -> {
    Thread thread = new Thread(runnable, "avesa-s3-prefetch");
    thread.setDaemon(true);
    return thread;
  });
  private final Map<Page, Entry> entries = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Page, Entry> eldest) {
      return size() > MAX_ENTRIES;
    }
  };

  /** Starts listing {@code page} in the background unless it is already under way. */
  void prefetch(Page page, Supplier<ListObjectsV2Response> list) {
    synchronized (entries) {
      entries.computeIfAbsent(page, p -> new Entry(CompletableFuture.supplyAsync(list, pool), System.nanoTime()));
    }
  }

  /** The prefetched listing of {@code page}, once; empty when there is none, it is too old, or it failed. */
  Optional<ListObjectsV2Response> take(Page page) {
    Entry entry;
    synchronized (entries) {
      entry = entries.remove(page);
    }
    if (entry == null || System.nanoTime() - entry.createdNanos() > TimeUnit.SECONDS.toNanos(MAX_AGE_SECONDS)) {
      return Optional.empty();
    }
    try {
      return Optional.of(entry.listing().get(MAX_AGE_SECONDS, TimeUnit.SECONDS));
    } catch (ExecutionException | TimeoutException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
