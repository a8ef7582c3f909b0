package com.avesa.cutover.workflows.cutover;

import com.avesa.cutover.workflows.config.MigrationConfig;

/**
 * Input of {@link CutoverWorkflow}.
 *
 * @param config a config with a {@code cutover:} section
 * @param requestedBy the identity that started the run (refused as an approver under four eyes)
 */
public record CutoverInput(MigrationConfig config, String requestedBy) {}
