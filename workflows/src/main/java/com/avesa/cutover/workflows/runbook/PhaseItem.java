package com.avesa.cutover.workflows.runbook;

import com.avesa.cutover.workflows.run.RunItem;

/**
 * One thing a phase created, changed, removed or found in place, for the {@code changed} and
 * {@code unchanged} lists of every phase's result.
 *
 * @param item what, e.g. {@code iam role AVESADeploymentRole}, {@code guardduty detector}
 * @param detail what happened or what was found, e.g. {@code created}, {@code already in place},
 *     {@code enabled (was disabled)}
 */
public record PhaseItem(String item, String detail) implements RunItem {
  public static final String IN_PLACE = "already in place";
}
