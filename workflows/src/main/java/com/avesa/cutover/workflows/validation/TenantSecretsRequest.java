package com.avesa.cutover.workflows.validation;

import com.avesa.cutover.workflows.estate.Estate;
import java.util.List;

/** The {@code tenant/{id}/{env}} secret names to look for in the target. */
public record TenantSecretsRequest(Estate estate, List<String> secretNames) {}
