package com.avesa.cutover.workflows.config;

/**
 * Where tenants live in the target ({@code tenants:}), for {@code tenant add}, {@code service add}
 * and the post-cutover validation.
 *
 * @param table the TenantServices table (hash key {@code tenant_id}); default: the target of the
 *     {@code data.tables} entry whose name starts with TenantServices, else {@value #DEFAULT_TABLE}
 * @param environment the environment in secret names {@code tenant/{id}/{env}} (default {@value #DEFAULT_ENVIRONMENT})
 * @param bucket the data lake bucket with {@code raw/} and {@code canonical/}; default: the first
 *     {@code data.buckets} target
 */
public record TenantsConfig(String table, String environment, String bucket) {
  public static final String DEFAULT_TABLE = "TenantServices";
  public static final String DEFAULT_ENVIRONMENT = "prod";

  public TenantsConfig {
    table = table == null ? DEFAULT_TABLE : table;
    environment = environment == null ? DEFAULT_ENVIRONMENT : environment;
  }

  public static TenantsConfig defaults(String table, String bucket) {
    return new TenantsConfig(table, null, bucket);
  }

  /** {@code tenant/{id}/{env}}: the secret that holds a tenant's service credentials. */
  public String secretName(String tenantId) {
    return "tenant/" + tenantId + "/" + environment;
  }
}
