package com.avesa.cutover.workflows.migration;

/**
 * Where {@code tenant add} records the tenants it added: as tags on {@code table}, the target's
 * TenantServices table. Each recorded tenant protects its item ({@code tenant_id}) in that
 * table, its {@code raw/{id}/} and {@code canonical/{id}/} objects and its secret
 * {@code tenant/{id}/{environment}}.
 */
public record AddedTenants(String table, String environment) {}
