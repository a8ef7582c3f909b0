package com.avesa.cutover.workflows.decommission;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import com.avesa.cutover.workflows.runbook.PhaseItem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Mocked decommission activities over a source bucket of {@code keys} objects of 1,000 bytes that
 * S3 lists {@code keysPerPage} at a time (the continuation token is the next key's offset): a small
 * page makes a long history without millions of objects. Every call goes, in order, to {@link #journal}.
 */
public final class PagedSource {
  public final List<String> journal = Collections.synchronizedList(new ArrayList<>());
  public final DecommissionActivities activities = mock(DecommissionActivities.class,
      withSettings().withoutAnnotations());

  /** Counted down when the archive asks for the page at {@link #holdFrom} or later; that call then waits for {@link #release}. */
  public final CountDownLatch held = new CountDownLatch(1);
  public final CountDownLatch release = new CountDownLatch(1);
  /** The first key offset whose page is held; none by default. */
  public volatile long holdFrom = Long.MAX_VALUE;
  private final long pages;

  public PagedSource(long keys, int keysPerPage) {
    this.pages = (keys + keysPerPage - 1) / keysPerPage;
    lenient().when(activities.ensureArchiveBucket(any())).thenAnswer(i -> {
      journal.add("ensure archive bucket");
      return ResourceChange.found("s3 bucket " + ((ArchiveBucketRequest) i.getArgument(0)).archiveBucket(),
          PhaseItem.IN_PLACE);
    });
    lenient().when(activities.archivePage(any())).thenAnswer(i -> {
      ArchivePageRequest r = i.getArgument(0);
      long from = r.continuationToken() == null ? 0 : Long.parseLong(r.continuationToken());
      if (from >= holdFrom) {
        held.countDown();
        release.await(60, TimeUnit.SECONDS);
      }
      long to = Math.min(keys, from + keysPerPage);
      journal.add("archive " + r.sourceBucket() + " from " + from);
      long objects = to - from;
      // Every other page was archived by an earlier attempt: copied counts only the rest.
      long copied = (from / keysPerPage) % 2 == 0 ? objects : 0;
      return new ArchivePage(to < keys ? Long.toString(to) : null, objects, copied, objects * 1_000, objects,
          List.of());
    });
    lenient().when(activities.removeRule(any())).thenAnswer(i -> removed("eventbridge rule", i.getArgument(0)));
    lenient().when(activities.removeFunction(any())).thenAnswer(i -> removed("lambda function", i.getArgument(0)));
    lenient().when(activities.removeTable(any())).thenAnswer(i -> removed("dynamodb table", i.getArgument(0)));
    lenient().when(activities.removeBucketObjects(any())).thenAnswer(i -> {
      RemovalRequest r = i.getArgument(0);
      journal.add("remove s3 bucket objects " + r.name());
      return ResourceChange.done("s3 bucket " + r.name() + " objects",
          String.format("deleted %,d version(s) and 0 delete marker(s)", keys));
    });
  }

  private ResourceChange removed(String kind, RemovalRequest request) {
    journal.add("remove " + kind + " " + request.name());
    return ResourceChange.done(kind + " " + request.name(), "deleted");
  }

  /** The archive pages the whole bucket takes. */
  public long pages() {
    return pages;
  }

  /** Archive calls so far. */
  public long archivePages() {
    synchronized (journal) {
      return journal.stream().filter(call -> call.startsWith("archive ")).count();
    }
  }
}
