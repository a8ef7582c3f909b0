package com.avesa.cutover.workflows.estate;

/**
 * How to reach one account. Credentials come from {@code profile} (or the default chain when it
 * is absent); when {@code roleArn} is set they are used to assume that role with
 * {@code externalId}.
 */
public record AccountConfig(String accountId, String profile, String roleArn, String externalId) {}
