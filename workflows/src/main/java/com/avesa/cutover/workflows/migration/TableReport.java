package com.avesa.cutover.workflows.migration;

/**
 * One table mapping: items in the source, written, and the digests verification compared.
 * {@code targetItems} and {@code targetDigest} cover the written table's items whose key the
 * source has (all its items in runs without the {@code target-extras} version); {@code extras}
 * the others.
 */
public record TableReport(
    String source,
    String target,
    long items,
    long copied,
    long targetItems,
    String sourceDigest,
    String targetDigest,
    Extras extras) {

  public TableReport {
    extras = Extras.orNone(extras);
  }

  public TableReport(String source, String target, long items, long copied, long targetItems, String sourceDigest,
      String targetDigest) {
    this(source, target, items, copied, targetItems, sourceDigest, targetDigest, Extras.NONE);
  }
}
