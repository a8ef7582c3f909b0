package com.avesa.cutover.workflows.isolation;

import com.avesa.cutover.workflows.config.MigrationConfig;

/** @param requestedBy the identity that started the run (four eyes at every gate) */
public record IsolationInput(MigrationConfig config, String requestedBy) {}
