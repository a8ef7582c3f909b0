package com.avesa.cutover.activities.migration;

/**
 * Spaces calls evenly: at most {@code perSecond} acquisitions per second across all threads
 * sharing it. Secrets Manager allows 50 writes per second per account; we stay below.
 */
final class WriteRateLimiter {
  private final long intervalNanos;
  private long nextSlot = System.nanoTime();

  WriteRateLimiter(int perSecond) {
    this.intervalNanos = 1_000_000_000L / perSecond;
  }

  void acquire() {
    long wait;
    synchronized (this) {
      long now = System.nanoTime();
      long slot = Math.max(now, nextSlot);
      nextSlot = slot + intervalNanos;
      wait = slot - now;
    }
    if (wait > 0) {
      try {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting to write a secret", e);
      }
    }
  }
}
