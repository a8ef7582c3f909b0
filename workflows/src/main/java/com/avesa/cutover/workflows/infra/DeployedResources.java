package com.avesa.cutover.workflows.infra;

import com.avesa.cutover.workflows.runbook.PhaseItem;
import java.util.List;

/**
 * What {@link InfrastructureActivities#verifyDeployedResources} found.
 *
 * @param found each one in place, e.g. item {@code cloudformation stack AVESADataPipeline-prod},
 *     detail {@code CREATE_COMPLETE}
 * @param missing a sentence for each one not found or not usable, naming it and the account
 */
public record DeployedResources(List<PhaseItem> found, List<String> missing) {}
