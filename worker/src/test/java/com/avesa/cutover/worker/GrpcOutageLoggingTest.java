package com.avesa.cutover.worker;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.spi.FilterReply;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The worker's log when Temporal cannot be reached: one line with the cause, not a trace per poller. */
class GrpcOutageLoggingTest {
  private static final String POLLER = "io.temporal.internal.worker.BasePoller";

  private LoggerContext context;

  @BeforeEach
  void configure() throws Exception {
    context = new LoggerContext();
    context.putProperty("LOG_FORMAT", "text");
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(GrpcOutageLoggingTest.class.getResource("/logback.xml"));
  }

  @AfterEach
  void stop() {
    context.stop();
  }

  @Test
  void aPollThatCannotReachTheServerIsOneLineWithItsCause() {
    String line = format(POLLER, "Failure in poller thread Workflow Poller: 1", unavailable());

    assertThat(line).hasLineCount(1).doesNotContain("\tat ")
        .contains("WARN  i.t.internal.worker.BasePoller - Failure in poller thread Workflow Poller: 1"
            + " (UNAVAILABLE: io exception: Connection refused: /127.0.0.1:7233)");
  }

  @Test
  void anyOtherExceptionKeepsItsWholeStackTrace() {
    String line = format("com.avesa.cutover.worker.WorkerProcess", "while stopping", new IllegalStateException("boom"));
    String temporalBug = format(POLLER, "unexpected", new IllegalStateException("bug"));
    String ourUnavailable = format("com.avesa.cutover.activities.Copy", "copy failed", unavailable());

    assertThat(line.lines().findFirst().orElseThrow()).endsWith(" - while stopping");
    assertThat(line).contains(" - while stopping" + System.lineSeparator() + "java.lang.IllegalStateException: boom")
        .contains("\tat ");
    assertThat(temporalBug).contains("java.lang.IllegalStateException: bug").contains("\tat ");
    assertThat(ourUnavailable).contains("\tat ").contains("Caused by: java.net.ConnectException");
  }

  @Test
  void theWorkerConfigurationThrottlesOutageLines() {
    assertThat(context.getTurboFilterList()).hasAtLeastOneElementOfType(GrpcOutageFilter.class);
  }

  @Test
  void oneOutageLinePassesEveryThirtySecondsAndOtherLinesAlways() {
    AtomicLong now = new AtomicLong(1_000_000);
    GrpcOutageFilter filter = new GrpcOutageFilter(now::get);
    Logger poller = context.getLogger(POLLER);
    Logger ours = context.getLogger("com.avesa.cutover.worker.WorkerProcess");
    Object[] withCause = {"Workflow Poller", unavailable()};

    assertThat(filter.decide(null, poller, Level.WARN, "Failure in poller thread {}", withCause, null))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(null, poller, Level.WARN, "Failure in poller thread {}", null, unavailable()))
        .isEqualTo(FilterReply.DENY);
    assertThat(filter.decide(null, ours, Level.WARN, "copy failed", null, unavailable()))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(null, poller, Level.WARN, "other", null, new IllegalStateException()))
        .isEqualTo(FilterReply.NEUTRAL);

    now.addAndGet(GrpcOutageFilter.QUIET_MILLIS);
    assertThat(filter.decide(null, poller, Level.WARN, "Failure in poller thread {}", withCause, null))
        .isEqualTo(FilterReply.NEUTRAL);
  }

  private static StatusRuntimeException unavailable() {
    return Status.UNAVAILABLE.withDescription("io exception")
        .withCause(new ConnectException("Connection refused: /127.0.0.1:7233")).asRuntimeException();
  }

  @SuppressWarnings("unchecked")
  private String format(String loggerName, String message, Throwable thrown) {
    Logger logger = context.getLogger(loggerName);
    LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.WARN, message, thrown, null);
    event.setMDCPropertyMap(Map.of());
    OutputStreamAppender<ILoggingEvent> appender =
        (OutputStreamAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
    return new String(appender.getEncoder().encode(event), StandardCharsets.UTF_8);
  }
}
