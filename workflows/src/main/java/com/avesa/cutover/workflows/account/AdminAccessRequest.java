package com.avesa.cutover.workflows.account;

import com.avesa.cutover.workflows.migration.Estate;

/** The admin credentials ({@code admin}'s TARGET side) that must act in {@code accountId}. */
public record AdminAccessRequest(Estate admin, String accountId) {}
