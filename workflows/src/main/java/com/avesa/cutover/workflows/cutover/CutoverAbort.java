package com.avesa.cutover.workflows.cutover;

/** Ends the forward path of a cutover (a refusal, an alarm, a window about to close); its message is the reason to roll back. */
final class CutoverAbort extends RuntimeException {
  CutoverAbort(String message) {
    super(message, null, false, false);
  }
}
