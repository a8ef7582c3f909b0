package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.estate.Estate;
import java.time.Instant;
import java.util.List;

/**
 * @param since the switch: data after it counts as new
 * @param newObjects look for new objects under {@code raw/{tenant}/}
 * @param tenantsTable the target's TenantServices table
 * @param bucket the target's data lake bucket
 * @param tenantsSeen tenants already found with new objects (not listed again)
 * @param invocations read the functions' Invocations and Errors
 * @param functions the target functions; empty: the Lambda targets of {@code targetRules}
 */
public record DataFlowRequest(Estate estate, Instant since, boolean newObjects, String tenantsTable, String bucket,
    List<String> tenantsSeen, boolean invocations, List<String> functions, List<String> targetRules) {
  public DataFlowRequest {
    tenantsSeen = tenantsSeen == null ? List.of() : List.copyOf(tenantsSeen);
    functions = functions == null ? List.of() : List.copyOf(functions);
    targetRules = targetRules == null ? List.of() : List.copyOf(targetRules);
  }
}
