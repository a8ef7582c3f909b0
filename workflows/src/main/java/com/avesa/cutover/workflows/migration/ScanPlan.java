package com.avesa.cutover.workflows.migration;

/**
 * A table's scan, decided once before its segments run: {@code items} and {@code bytes} as
 * DescribeTable reports them ({@code bytes} estimated from a sample of items when DescribeTable
 * says 0, as it does for tables younger than its ~6-hour refresh and always on moto; -1 when
 * unknown), the
 * parallel-scan {@code segments} every pass of the table uses, and what the other table held
 * when the plan was made.
 */
public record ScanPlan(long items, long bytes, int segments, Target target) {

  /** The other table (the side written to) when the plan was made. */
  public enum Target {
    /** It does not exist (a PLAN before the first copy). */
    MISSING,
    /** It exists and holds no item: a copy writes every item without reading the target first. */
    EMPTY,
    /** It holds items: a copy writes only what is missing or different. */
    NOT_EMPTY
  }

  /** One segment per this many bytes of table. */
  public static final long BYTES_PER_SEGMENT = 1L << 30;
  /** The most segments {@code tableSegments: auto} chooses. */
  public static final int MAX_AUTO_SEGMENTS = 64;
  /** Segments for a table of unknown size ({@code bytes} -1): the fixed count runs used before. */
  public static final int UNKNOWN_SIZE_SEGMENTS = 4;

  public ScanPlan {
    target = target == null ? Target.NOT_EMPTY : target;
  }

  /**
   * {@code tableSegments: auto}: one segment per started GiB, at least 1, at most
   * {@link #MAX_AUTO_SEGMENTS}. A small table is one segment (one scan, no parallel-scan overhead:
   * an emulator such as moto walks the whole table for every segment); a large one gets one
   * activity per GiB, which keeps each segment's scan to minutes and its retry (resumed from the
   * last heartbeated page anyway) small. The cap bounds the activities in flight per table. An
   * unknown size (-1) gets {@link #UNKNOWN_SIZE_SEGMENTS}.
   */
  public static int segmentsFor(long bytes) {
    if (bytes < 0) {
      return UNKNOWN_SIZE_SEGMENTS;
    }
    long segments = bytes == 0 ? 1 : (bytes + BYTES_PER_SEGMENT - 1) / BYTES_PER_SEGMENT;
    return (int) Math.max(1, Math.min(MAX_AUTO_SEGMENTS, segments));
  }
}
