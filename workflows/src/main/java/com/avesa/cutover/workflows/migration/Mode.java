package com.avesa.cutover.workflows.migration;

/**
 * PLAN lists and compares, changing nothing. COPY ensures the target and copies what is missing
 * or different. SYNC is the same pass meant to be repeated to keep the target warm. REVERSE
 * copies target to source (used by rollback).
 */
public enum Mode {
  PLAN,
  COPY,
  SYNC,
  REVERSE;

  public boolean writes() {
    return this != PLAN;
  }
}
