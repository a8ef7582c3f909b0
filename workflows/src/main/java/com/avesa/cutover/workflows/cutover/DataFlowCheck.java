package com.avesa.cutover.workflows.cutover;

import java.util.List;

/**
 * @param activeTenants tenants with active services in the target (empty unless new objects were asked for)
 * @param tenantsWithNewObjects of those not seen before, the ones with a new object under {@code raw/{tenant}/}
 * @param functions the functions whose metrics were read
 * @param invocations their Invocations since the switch
 * @param errors their Errors since the switch
 */
public record DataFlowCheck(List<String> activeTenants, List<String> tenantsWithNewObjects, List<String> functions,
    long invocations, long errors) {
  public DataFlowCheck {
    activeTenants = activeTenants == null ? List.of() : List.copyOf(activeTenants);
    tenantsWithNewObjects = tenantsWithNewObjects == null ? List.of() : List.copyOf(tenantsWithNewObjects);
    functions = functions == null ? List.of() : List.copyOf(functions);
  }
}
