package com.avesa.cutover.workflows.account;

import com.avesa.cutover.workflows.runbook.PhaseItem;
import java.util.List;

/**
 * What one ensure call did.
 *
 * @param created handles of what it created (not what it modified), for compensation
 * @param topicArn the alert topic's ARN (ensureAlertTopic only), else null
 */
public record BaselineStep(List<PhaseItem> changed, List<PhaseItem> unchanged, List<CreatedResource> created,
    String topicArn) {}
