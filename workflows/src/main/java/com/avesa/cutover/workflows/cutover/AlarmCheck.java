package com.avesa.cutover.workflows.cutover;

import java.util.List;

/**
 * @param checked how many alarms the selector matched
 * @param inAlarm {@code name: state reason} of each alarm in ALARM
 */
public record AlarmCheck(int checked, List<String> inAlarm) {
  public AlarmCheck {
    inAlarm = inAlarm == null ? List.of() : List.copyOf(inAlarm);
  }
}
