package com.avesa.cutover.workflows.migration;

import java.util.ArrayList;
import java.util.List;

/** One short phrase for a step's detail: how many extras a report found and deleted, with a few samples. */
public final class ExtrasSummary {
  private static final int SHOWN = 3;

  private ExtrasSummary() {}

  /** Empty when the report found no extras; else e.g. {@code ; 2 extra(s) only in the target, 0 deleted (TenantServices: tenant_id=test-msp, …)}. */
  public static String of(MigrationReport report) {
    long found = 0;
    long deleted = 0;
    List<String> shown = new ArrayList<>();
    for (BucketReport b : report.buckets()) {
      found += b.extras().count();
      deleted += b.extras().deleted();
      sample(shown, b.target(), b.extras());
    }
    for (TableReport t : report.tables()) {
      found += t.extras().count();
      deleted += t.extras().deleted();
      sample(shown, t.target(), t.extras());
    }
    if (report.secrets() != null) {
      found += report.secrets().extras().count();
      deleted += report.secrets().extras().deleted();
      sample(shown, "secret", report.secrets().extras());
    }
    if (found == 0) {
      return "";
    }
    String side = report.reverse() ? "source" : "target";
    return "; " + found + " extra(s) only in the " + side + ", " + deleted + " deleted (" + String.join(", ", shown)
        + (found > shown.size() ? ", …" : "") + ")";
  }

  private static void sample(List<String> shown, String where, Extras extras) {
    for (String s : extras.samples()) {
      if (shown.size() >= SHOWN) {
        return;
      }
      shown.add(where + ": " + s);
    }
  }
}
