package com.avesa.cutover.workflows.account;

import com.avesa.cutover.workflows.estate.Estate;

/**
 * The deployment role to create or check in {@code accountId}, with {@code admin}'s TARGET credentials.
 *
 * @param sourceAccountId the only account the trust policy may allow
 * @param externalId {@code target.externalId}, which the trust policy must require
 * @param runId the setup run's id: a role tagged with it was created by this run (by an earlier attempt)
 */
public record DeploymentRoleRequest(Estate admin, String accountId, String sourceAccountId, String roleName,
    String externalId, String runId) {}
