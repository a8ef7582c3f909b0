package com.avesa.cutover.workflows.config;

import java.util.List;

/** Target CloudWatch alarms watched during monitoring: these names, plus every alarm whose name starts with the prefix. */
public record AlarmSelector(List<String> names, String namePrefix) {
  public AlarmSelector {
    names = names == null ? List.of() : List.copyOf(names);
    namePrefix = namePrefix == null || namePrefix.isBlank() ? null : namePrefix;
  }

  public boolean selectsNothing() {
    return names.isEmpty() && namePrefix == null;
  }
}
