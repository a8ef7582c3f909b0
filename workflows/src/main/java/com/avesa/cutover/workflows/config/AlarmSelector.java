package com.avesa.cutover.workflows.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/** Target CloudWatch alarms watched during monitoring: these names, plus every alarm whose name starts with the prefix. */
public record AlarmSelector(List<String> names, String namePrefix) {
  public AlarmSelector {
    names = names == null ? List.of() : List.copyOf(names);
    namePrefix = namePrefix == null || namePrefix.isBlank() ? null : namePrefix;
  }

  // Not a property: Temporal's JSON would carry "empty", which it then refuses as an unknown field.
  @JsonIgnore
  public boolean isEmpty() {
    return names.isEmpty() && namePrefix == null;
  }
}
