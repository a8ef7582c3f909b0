package com.avesa.cutover.workflows.validation;

import java.util.List;

/** The asked-for secret names that do not exist in the target (or are scheduled for deletion). */
public record TenantSecrets(List<String> missing) {}
