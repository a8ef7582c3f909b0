package com.avesa.cutover.workflows.validation;

import java.util.List;

/** The tenant ids found in the TenantServices table, sorted. */
public record TenantList(List<String> tenantIds) {}
