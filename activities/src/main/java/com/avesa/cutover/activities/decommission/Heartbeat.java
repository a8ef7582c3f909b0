package com.avesa.cutover.activities.decommission;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.util.Optional;

/**
 * Heartbeats of the decommission's long activities. Outside an activity (a direct call in a test)
 * there is nothing to heartbeat to and the calls do nothing.
 */
final class Heartbeat {
  private Heartbeat() {}

  static void beat(Object details) {
    context().ifPresent(context -> context.heartbeat(details));
  }

  /** What the previous attempt last heartbeated, if this is a retry. */
  static <T> Optional<T> lastDetails(Class<T> type) {
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
