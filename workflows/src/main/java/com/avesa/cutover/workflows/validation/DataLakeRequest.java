package com.avesa.cutover.workflows.validation;

import com.avesa.cutover.workflows.migration.Estate;
import java.time.Instant;
import java.util.List;

/**
 * The data lake {@code bucket} of the target, checked against the known {@code tenantIds}.
 *
 * @param since objects last modified at or after this count as new; null: newness is not counted
 */
public record DataLakeRequest(Estate estate, String bucket, List<String> tenantIds, Instant since) {}
