package com.avesa.cutover.workflows.validation;

import com.avesa.cutover.workflows.estate.Estate;

/** The TenantServices {@code table} of the target (hash key {@code tenant_id}). */
public record TenantListRequest(Estate estate, String table) {}
