package com.avesa.cutover.workflows.runbook;

import com.avesa.cutover.workflows.config.MigrationConfig;

/**
 * What every runbook phase run starts with.
 *
 * @param config the validated configuration (for a run that created its account, with the new
 *     account id and role filled in by {@code ProductionIsolationWorkflow})
 * @param requestedBy the identity that started the run (four eyes at gates)
 */
public record PhaseInput(MigrationConfig config, String requestedBy) {}
