package com.avesa.cutover.workflows.migration;

import java.util.ArrayList;
import java.util.List;

/**
 * What only the written side has: objects, items or secrets that are not in the side copied from.
 * Never a verification failure. {@code deleted}: extras deleted under {@code data.deleteExtras}
 * (in a PLAN, the ones a run would delete). Samples are keys, item keys or secret names, at most
 * {@link #MAX_SAMPLES} each. A report without this field (older runs) means none.
 */
public record Extras(long count, List<String> samples, long deleted, List<String> deletedSamples) {
  public static final int MAX_SAMPLES = 100;
  public static final Extras NONE = new Extras(0, List.of(), 0, List.of());

  public Extras {
    samples = cap(samples);
    deletedSamples = cap(deletedSamples);
  }

  public static Extras orNone(Extras extras) {
    return extras == null ? NONE : extras;
  }

  /** Both counts added, samples appended up to {@link #MAX_SAMPLES}. */
  public Extras plus(Extras other) {
    if (other == null || (other.count == 0 && other.deleted == 0)) {
      return this;
    }
    return new Extras(count + other.count, join(samples, other.samples), deleted + other.deleted,
        join(deletedSamples, other.deletedSamples));
  }

  /** Extras still there: found and not deleted. */
  public long kept() {
    return count - deleted;
  }

  private static List<String> join(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    for (String s : b) {
      if (all.size() >= MAX_SAMPLES) {
        break;
      }
      all.add(s);
    }
    return all;
  }

  private static List<String> cap(List<String> list) {
    if (list == null) {
      return List.of();
    }
    return List.copyOf(list.size() > MAX_SAMPLES ? list.subList(0, MAX_SAMPLES) : list);
  }
}
