package com.avesa.cutover.workflows.migration;

import java.util.List;
import java.util.Map;

/**
 * What one page contained and what was done to it. {@code nextToken} null means the listing is
 * exhausted. {@code toCopy}: missing or different in the target when the page was compared.
 * {@code bytesCopied}: the sizes of the objects this page copied (0 for plan and verify pages).
 * {@code problems}: one line per object that failed or differs (at most a few dozen per page).
 */
public record BucketPage(
    String nextToken,
    long objects,
    long bytes,
    long toCopy,
    long copied,
    long bytesCopied,
    long skipped,
    long failed,
    Map<String, TenantTally> tenants,
    List<String> problems) {
  public BucketPage {
    tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
    problems = problems == null ? List.of() : List.copyOf(problems);
  }
}
