package com.avesa.cutover.activities;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.util.Optional;

/**
 * Heartbeats from the activity's own thread. Outside an activity (a direct call in a test or a
 * tool) there is nothing to heartbeat to, and the call does nothing.
 */
public final class Heartbeats {
  private Heartbeats() {}

  public static void beat(Object details) {
    context().ifPresent(context -> context.heartbeat(details));
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
