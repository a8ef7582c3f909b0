package com.avesa.cutover.workflows.decommission;

import com.avesa.cutover.workflows.runbook.PhaseItem;

/**
 * What an activity did to one resource.
 *
 * @param item e.g. {@code eventbridge rule ConnectWiseIngestionSchedule}
 * @param detail e.g. {@code deleted}, {@code deleted 1,234 versions}, {@value #ALREADY_GONE}
 * @param changed whether the call changed anything (false: it goes into {@code unchanged})
 */
public record ResourceChange(String item, String detail, boolean changed) {
  public static final String ALREADY_GONE = "already gone";

  /** Something was created or removed. */
  public static ResourceChange done(String item, String detail) {
    return new ResourceChange(item, detail, true);
  }

  /** Nothing to do: found in place, or already gone. */
  public static ResourceChange found(String item, String detail) {
    return new ResourceChange(item, detail, false);
  }

  public PhaseItem phaseItem() {
    return new PhaseItem(item, detail);
  }
}
