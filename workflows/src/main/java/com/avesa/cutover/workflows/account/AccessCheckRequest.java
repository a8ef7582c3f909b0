package com.avesa.cutover.workflows.account;

import com.avesa.cutover.workflows.estate.Estate;

/** Assume {@code roleArn} with {@code externalId} from {@code estate}'s SOURCE credentials; it must act in {@code accountId}. */
public record AccessCheckRequest(Estate estate, String roleArn, String externalId, String accountId) {}
