package com.avesa.cutover.workflows.migration;

import com.avesa.cutover.workflows.run.RunCounts;
import com.avesa.cutover.workflows.run.RunProgress;
import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What the {@code progress} query answers: where the run is and what it has done so far,
 * including earlier runs of the same migration (continue-as-new).
 *
 * @param phase PREFLIGHT, ENSURE, COPY, VERIFY, DONE or FAILED
 * @param step what is being worked on, e.g. {@code bucket data-storage-msp page 12}
 * @param bytes bytes listed so far
 * @param bytesCopied bytes of the objects copied so far
 * @param extras objects, items and secrets found so far that only the written side has
 * @param objectsChecked objects found identical in the target, so not copied (0 from workers before
 *     this field: there {@code objectsCopied} was the only count of objects done)
 * @param objectsFailed objects whose copy failed
 * @param objectsVerified objects verification found identical in both accounts
 */
public record MigrationProgress(
    Mode mode,
    String phase,
    String step,
    long objects,
    long bytes,
    long objectsCopied,
    long bytesCopied,
    long items,
    long itemsCopied,
    int secretsCopied,
    long pages,
    int problems,
    int runs,
    long extras,
    long objectsChecked,
    long objectsFailed,
    long objectsVerified) implements RunProgress {

  /** Changed: objects, items and secrets copied; unchanged: objects found identical in the target. */
  @JsonIgnore
  @Override
  public RunCounts counts() {
    return new RunCounts(objectsCopied + itemsCopied + secretsCopied, objectsChecked, problems);
  }

  /** A progress without extras or the split counts, as workers answered before them. */
  public MigrationProgress(Mode mode, String phase, String step, long objects, long bytes, long objectsCopied,
      long bytesCopied, long items, long itemsCopied, int secretsCopied, long pages, int problems, int runs) {
    this(mode, phase, step, objects, bytes, objectsCopied, bytesCopied, items, itemsCopied, secretsCopied, pages,
        problems, runs, 0, 0, 0, 0);
  }

  /** A progress with extras but without the split counts (checked, failed, verified). */
  public MigrationProgress(Mode mode, String phase, String step, long objects, long bytes, long objectsCopied,
      long bytesCopied, long items, long itemsCopied, int secretsCopied, long pages, int problems, int runs,
      long extras) {
    this(mode, phase, step, objects, bytes, objectsCopied, bytesCopied, items, itemsCopied, secretsCopied, pages,
        problems, runs, extras, 0, 0, 0);
  }

  /** A progress with the split counts but without extras. */
  public MigrationProgress(Mode mode, String phase, String step, long objects, long bytes, long objectsCopied,
      long bytesCopied, long items, long itemsCopied, int secretsCopied, long pages, int problems, int runs,
      long objectsChecked, long objectsFailed, long objectsVerified) {
    this(mode, phase, step, objects, bytes, objectsCopied, bytesCopied, items, itemsCopied, secretsCopied, pages,
        problems, runs, 0, objectsChecked, objectsFailed, objectsVerified);
  }
}
