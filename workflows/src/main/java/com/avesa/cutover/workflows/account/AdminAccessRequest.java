package com.avesa.cutover.workflows.account;

import com.avesa.cutover.workflows.estate.Estate;

/** The admin credentials ({@code admin}'s TARGET side) that must act in {@code accountId}. */
public record AdminAccessRequest(Estate admin, String accountId) {}
