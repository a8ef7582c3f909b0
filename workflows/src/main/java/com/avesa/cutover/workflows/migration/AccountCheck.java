package com.avesa.cutover.workflows.migration;

/** The identities {@code GetCallerIdentity} returned, each matching the config. */
public record AccountCheck(String sourceAccountId, String sourceArn, String targetAccountId, String targetArn) {}
