package com.avesa.cutover.workflows.account;

import com.avesa.cutover.workflows.estate.Estate;

/** The deployment role a failed setup created, to delete with {@code admin}'s TARGET credentials. */
public record RoleRemoval(Estate admin, String roleName) {}
