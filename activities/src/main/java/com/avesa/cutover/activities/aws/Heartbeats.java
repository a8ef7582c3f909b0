package com.avesa.cutover.activities.aws;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Heartbeats from the activity's own thread. Outside an activity (a direct call in a test or a
 * tool) there is nothing to heartbeat to, and the call does nothing.
 */
public final class Heartbeats {
  private Heartbeats() {}

  public static void beat(Object details) {
    context().ifPresent(context -> context.heartbeat(details));
  }

  /**
   * Runs {@code call}, a blocking call that cannot heartbeat itself (a Lambda invocation), while a
   * daemon thread heartbeats {@code details} every {@code every}. When a heartbeat learns that the
   * activity was cancelled (or timed out, or the worker stops), the call's thread is interrupted and
   * that {@link ActivityCompletionException} is thrown once the call returns or gives up. Outside an
   * activity the call simply runs.
   */
  public static <T> T whileRunning(Object details, Duration every, Supplier<T> call) {
    Optional<ActivityExecutionContext> found = context();
    if (found.isEmpty()) {
      return call.get();
    }
    ActivityExecutionContext context = found.get();
    Thread caller = Thread.currentThread();
    AtomicReference<ActivityCompletionException> stopped = new AtomicReference<>();
    // Guards the caller's interrupt: once the call is over, a late heartbeat must not interrupt the
    // activity's thread in whatever it does next.
    Object callerLock = new Object();
    boolean[] calling = {true};
    ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "heartbeat-" + caller.getName());
      thread.setDaemon(true);
      return thread;
    });
    beats.scheduleAtFixedRate(() -> {
      try {
        context.heartbeat(details);
      } catch (ActivityCompletionException e) {
        synchronized (callerLock) {
          if (calling[0] && stopped.compareAndSet(null, e)) {
            caller.interrupt();
          }
        }
      }
    }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    T result;
    try {
      result = call.get();
    } catch (RuntimeException e) {
      throw stopped.get() != null ? stopped.get() : e;
    } finally {
      synchronized (callerLock) {
        calling[0] = false;
      }
      // shutdown, not shutdownNow: a heartbeat in flight finishes (interrupted mid-request it would
      // be lost, and the activity's next heartbeat held back by the SDK's throttle); none starts after.
      beats.shutdown();
      if (stopped.get() != null) {
        Thread.interrupted();
      }
    }
    if (stopped.get() != null) {
      throw stopped.get();
    }
    return result;
  }

  public static <T> Optional<T> lastDetails(Class<T> type) {
    return context().flatMap(context -> context.getHeartbeatDetails(type));
  }

  private static Optional<ActivityExecutionContext> context() {
    try {
      return Optional.of(Activity.getExecutionContext());
    } catch (IllegalStateException notInAnActivity) {
      return Optional.empty();
    }
  }
}
