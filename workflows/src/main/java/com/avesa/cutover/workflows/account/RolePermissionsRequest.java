package com.avesa.cutover.workflows.account;

import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.estate.Estate;

/**
 * The deployment role's permissions, per {@code config.runbook().role().policies()}; the
 * least-privilege policy names what {@code config} names in {@code accountId}.
 */
public record RolePermissionsRequest(Estate admin, String accountId, String roleName, MigrationConfig config) {}
