package com.avesa.cutover.workflows.migration;

/** Which account a call is made in. */
public enum Side {
  SOURCE,
  TARGET
}
