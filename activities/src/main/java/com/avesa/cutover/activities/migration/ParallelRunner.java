package com.avesa.cutover.activities.migration;

import com.avesa.cutover.activities.aws.Heartbeats;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded pool shared by every call of one activities object. Each call runs its tasks with
 * at most {@code concurrency} in flight and heartbeats from the calling thread while it waits.
 */
final class ParallelRunner implements AutoCloseable {
  private static final long BEAT_MILLIS = 2_000;

  private final ExecutorService pool;
  private final int threads;

  ParallelRunner(String name, int threads) {
    this.threads = threads;
    this.pool = Executors.newFixedThreadPool(threads, daemonThreads(name));
  }

  /**
   * Runs every task, at most {@code concurrency} at a time, and returns their results in order.
   * The first failure cancels what has not run yet and is rethrown (unchecked as is).
   */
  <T> List<T> runAll(List<? extends Callable<T>> tasks, int concurrency, Runnable heartbeat) {
    Semaphore permits = new Semaphore(Math.max(1, Math.min(concurrency, threads)));
    List<Future<T>> futures = new ArrayList<>(tasks.size());
    try {
      Beat beat = new Beat(heartbeat);
      for (Callable<T> task : tasks) {
        while (!permits.tryAcquire(BEAT_MILLIS, TimeUnit.MILLISECONDS)) {
          beat.now();
        }
        beat.ifDue();
        futures.add(pool.submit(() -> {
          try {
            return task.call();
          } finally {
            permits.release();
          }
        }));
      }
      List<T> results = new ArrayList<>(futures.size());
      for (Future<T> future : futures) {
        results.add(await(future, beat));
        beat.ifDue();
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while copying", e);
    } finally {
      futures.forEach(future -> future.cancel(true));
    }
  }

  private static <T> T await(Future<T> future, Beat beat) throws InterruptedException {
    while (true) {
      try {
        return future.get(BEAT_MILLIS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException stillRunning) {
        beat.now();
      } catch (CancellationException e) {
        throw new IllegalStateException("task cancelled", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (cause instanceof Error error) {
          throw error;
        }
        throw new IllegalStateException(cause.getMessage(), cause);
      }
    }
  }

  /**
   * Heartbeats at least every {@link #BEAT_MILLIS} while tasks run, whether the caller is waiting
   * for a slow task or busy handing out fast ones (a page of quick copies must beat too).
   */
  private static final class Beat {
    private final Runnable heartbeat;
    private long last = System.nanoTime();

    Beat(Runnable heartbeat) {
      this.heartbeat = heartbeat;
    }

    void ifDue() {
      if (System.nanoTime() - last >= TimeUnit.MILLISECONDS.toNanos(BEAT_MILLIS)) {
        now();
      }
    }

    void now() {
      heartbeat.run();
      last = System.nanoTime();
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  private static ThreadFactory daemonThreads(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
