package com.avesa.cutover.workflows.migration;

import com.avesa.cutover.workflows.config.SecretFilter;

/** The secrets of {@code fromSide} whose names match {@code filter}, compared with the other side. */
public record SecretsRequest(Estate estate, Side fromSide, SecretFilter filter) {}
