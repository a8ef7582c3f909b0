package com.avesa.cutover.workflows.run;

/** One thing a run changed or found in place: what ({@code item}) and what happened to it ({@code detail}). */
public interface RunItem {
  String item();

  String detail();
}
