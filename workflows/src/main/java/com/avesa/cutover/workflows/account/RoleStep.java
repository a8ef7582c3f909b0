package com.avesa.cutover.workflows.account;

import com.avesa.cutover.workflows.runbook.PhaseItem;
import java.util.List;

/**
 * What a deployment-role call did.
 *
 * @param created true when this run created the role (its compensation deletes it)
 * @param problems what is wrong with a role that existed before (e.g. a trust policy without the
 *     ExternalId condition); the setup fails on any
 */
public record RoleStep(String roleArn, boolean created, List<PhaseItem> changed, List<PhaseItem> unchanged,
    List<String> problems) {}
