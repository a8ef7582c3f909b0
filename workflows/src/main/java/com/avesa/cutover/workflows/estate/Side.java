package com.avesa.cutover.workflows.estate;

/** Which account a call is made in. */
public enum Side {
  SOURCE,
  TARGET
}
