package com.avesa.cutover.workflows.validation;

import java.util.List;

/**
 * What one listing of the data lake found, as aggregates.
 *
 * @param objects every key in the bucket
 * @param newRawObjects keys under {@code raw/} modified at or after {@code since}; likewise
 *     {@code newCanonicalObjects}
 * @param tenants one entry per known tenant, in the order asked for
 * @param unknownTenantPrefixes {@code raw/{x}/} and {@code canonical/{x}/} prefixes whose {@code x}
 *     is no known tenant (at most {@value #SAMPLE} of them)
 * @param strayKeys keys outside every known tenant prefix (a sample of at most {@value #SAMPLE})
 * @param strayKeysTotal how many such keys there are in all
 */
public record DataLakeSummary(
    String bucket,
    long objects,
    long newRawObjects,
    long newCanonicalObjects,
    List<TenantObjects> tenants,
    List<String> unknownTenantPrefixes,
    List<String> strayKeys,
    long strayKeysTotal) {
  public static final int SAMPLE = 100;
}
