package com.avesa.cutover.workflows.decommission;

/**
 * Where the archive stands: the source bucket being archived (index into {@code data.buckets}),
 * the listing's continuation token for its next page (null: its first page) and its counters so far.
 */
public record ArchiveCursor(int bucket, String token, int pages, long objects, long copied, long bytes,
    long verified) {

  /** The first page of bucket {@code bucket}. */
  static ArchiveCursor first(int bucket) {
    return new ArchiveCursor(bucket, null, 0, 0, 0, 0, 0);
  }

  /** After {@code page}: its counters added, positioned at its next page. */
  ArchiveCursor after(ArchivePage page) {
    return new ArchiveCursor(bucket, page.nextToken(), pages + 1, objects + page.objects(), copied + page.copied(),
        bytes + page.bytes(), verified + page.verified());
  }
}
