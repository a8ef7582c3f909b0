package com.avesa.cutover.worker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Marker;

/**
 * While Temporal cannot be reached, every poller of the worker (ten) logs its failed poll on each
 * retry: dozens of identical lines a minute. This lets one such line ({@link GrpcOutage}) through
 * every {@link #QUIET_MILLIS} and drops the rest; every other line passes untouched.
 */
public final class GrpcOutageFilter extends TurboFilter {
  static final long QUIET_MILLIS = 30_000;

  private final AtomicLong lastPassed = new AtomicLong(Long.MIN_VALUE);
  private final LongSupplier clock;

  public GrpcOutageFilter() {
    this(System::currentTimeMillis);
  }

  GrpcOutageFilter(LongSupplier clock) {
    this.clock = clock;
  }

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (logger == null || level == null || !level.isGreaterOrEqual(Level.WARN)) {
      return FilterReply.NEUTRAL;
    }
    Throwable thrown = t != null ? t
        : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
    if (!GrpcOutage.isOutage(logger.getName(), thrown)) {
      return FilterReply.NEUTRAL;
    }
    long now = clock.getAsLong();
    long last = lastPassed.get();
    if (last != Long.MIN_VALUE && now - last < QUIET_MILLIS) {
      return FilterReply.DENY;
    }
    return lastPassed.compareAndSet(last, now) ? FilterReply.NEUTRAL : FilterReply.DENY;
  }
}
