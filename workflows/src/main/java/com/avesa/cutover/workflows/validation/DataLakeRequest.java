package com.avesa.cutover.workflows.validation;

import com.avesa.cutover.workflows.estate.Estate;
import java.time.Instant;
import java.util.List;

/**
 * The data lake {@code bucket} of the target, checked against the known {@code tenantIds}.
 *
 * @param since objects last modified at or after this count as new; null: newness is not counted
 * @param knownPrefixes keys under these prefixes are expected ({@code validation.knownPrefixes}):
 *     counted as objects, never as stray keys or unknown tenants; null (older payloads): none
 */
public record DataLakeRequest(Estate estate, String bucket, List<String> tenantIds, Instant since,
    List<String> knownPrefixes) {

  public DataLakeRequest(Estate estate, String bucket, List<String> tenantIds, Instant since) {
    this(estate, bucket, tenantIds, since, List.of());
  }

  /** The known prefixes; empty when the payload has none. */
  public List<String> knownPrefixesOrNone() {
    return knownPrefixes == null ? List.of() : knownPrefixes;
  }
}
