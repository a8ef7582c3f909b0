package com.avesa.cutover.workflows.migration;

import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;

/**
 * Split the listing of {@code bucket} (on {@code side}) under {@code prefix} into at most
 * {@code max} contiguous key ranges. A listing of at most {@code unsplitUpTo} keys (one page; 0:
 * any size is split) stays one range: splitting it would only add activities.
 */
public record PartitionRequest(Estate estate, Side side, String bucket, String prefix, int max, int unsplitUpTo) {

  /** Split whatever the listing's size. */
  public PartitionRequest(Estate estate, Side side, String bucket, String prefix, int max) {
    this(estate, side, bucket, prefix, max, 0);
  }
}
