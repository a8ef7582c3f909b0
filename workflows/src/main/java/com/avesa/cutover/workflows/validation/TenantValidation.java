package com.avesa.cutover.workflows.validation;

import java.util.List;

/**
 * One tenant's findings.
 *
 * @param objects keys under {@code raw/{id}/} and {@code canonical/{id}/}
 * @param secretPresent whether {@code tenant/{id}/{env}} exists in the target
 */
public record TenantValidation(String tenantId, long objects, long newRawObjects, long newCanonicalObjects,
    boolean secretPresent, List<String> problems) {}
