package com.avesa.cutover.workflows.decommission;

import java.util.List;

/**
 * What one archived page contained. {@code nextToken} null: the listing is exhausted.
 *
 * @param objects source objects listed; {@code bytes}: their sizes
 * @param copied objects this call copied (the others were archived before)
 * @param verified objects whose archive copy matched the source in size and content
 * @param problems one line per object that is missing, differs or could not be copied (at most
 *     {@link #MAX_PROBLEMS}; {@code objects - verified} counts them all)
 */
public record ArchivePage(String nextToken, long objects, long copied, long bytes, long verified,
    List<String> problems) {
  public static final int MAX_PROBLEMS = 20;

  public ArchivePage {
    problems = problems == null ? List.of() : List.copyOf(problems);
  }
}
