package com.avesa.cutover.worker;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.CoreConstants;
import java.util.Set;

/**
 * The Temporal SDK's own log lines about a server it cannot reach: a poller's failed long poll or a
 * shutdown call while the server is down or stopping ({@code io.grpc.StatusRuntimeException}
 * UNAVAILABLE or CANCELLED). The SDK retries those by itself, so a stack trace says nothing an
 * operator can act on; the one line with its cause does.
 *
 * <p>In {@code logback.xml} as the conversion word {@code %outageEx}: the exception of such a line
 * as {@code (UNAVAILABLE: io exception: Connection refused: /127.0.0.1:7233)} on the same line,
 * every other exception as the whole stack trace on the lines after it.
 */
public final class GrpcOutage extends ThrowableProxyConverter {
  private static final String STATUS_EXCEPTION = "io.grpc.StatusRuntimeException";
  private static final Set<String> OUTAGE_CODES = Set.of("UNAVAILABLE", "CANCELLED");
  private static final String TEMPORAL_LOGGERS = "io.temporal.";

  @Override
  public String convert(ILoggingEvent event) {
    IThrowableProxy thrown = event.getThrowableProxy();
    if (thrown == null) {
      return "";
    }
    if (isOutage(event.getLoggerName(), thrown)) {
      return " (" + oneLine(thrown) + ")";
    }
    String trace = super.convert(event);
    return CoreConstants.LINE_SEPARATOR + trace.stripTrailing();
  }

  /** Whether {@code thrown}, logged by {@code logger}, is the SDK telling of a server it cannot reach. */
  static boolean isOutage(String logger, IThrowableProxy thrown) {
    return logger != null && logger.startsWith(TEMPORAL_LOGGERS) && isOutageStatus(thrown.getClassName(),
        thrown.getMessage());
  }

  static boolean isOutage(String logger, Throwable thrown) {
    return logger != null && logger.startsWith(TEMPORAL_LOGGERS) && thrown != null
        && isOutageStatus(thrown.getClass().getName(), thrown.getMessage());
  }

  private static boolean isOutageStatus(String className, String message) {
    if (!STATUS_EXCEPTION.equals(className) || message == null) {
      return false;
    }
    int colon = message.indexOf(':');
    return OUTAGE_CODES.contains(colon < 0 ? message : message.substring(0, colon));
  }

  /** The status and the deepest cause's message, e.g. {@code UNAVAILABLE: io exception: Connection refused}. */
  static String oneLine(IThrowableProxy thrown) {
    IThrowableProxy root = thrown;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String line = thrown.getMessage();
    if (root != thrown && root.getMessage() != null) {
      line += ": " + root.getMessage();
    }
    return line.replaceAll("\\s*\\R\\s*", " ");
  }
}
