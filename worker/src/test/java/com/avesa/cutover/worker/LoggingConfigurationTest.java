package com.avesa.cutover.worker;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import io.temporal.internal.logging.LoggerTag;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingConfigurationTest {
  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

  @Test
  void linesLoggedInsideAnActivityCarryTheWorkflowAndActivityIds() {
    String line = format(Map.of(
        LoggerTag.WORKFLOW_ID, "migrate-avesa-prod",
        LoggerTag.RUN_ID, "run-1",
        LoggerTag.ACTIVITY_TYPE, "CopyPage",
        LoggerTag.ACTIVITY_ID, "7",
        LoggerTag.ATTEMPT, "2"));

    assertThat(line)
        .matches("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\S* INFO .*\\R$")
        .contains("c.a.c.a.BucketActivitiesImpl")
        .contains("workflowId=migrate-avesa-prod runId=run-1 activity=CopyPage/7 attempt=2 - page copied");
  }

  @Test
  void linesLoggedOutsideTemporalHaveNoEmptyIdFields() {
    String line = format(Map.of());

    assertThat(line).doesNotContain("workflowId=").doesNotContain("activity=").contains("BucketActivitiesImpl - page copied");
  }

  @Test
  void noisyLibrariesAreQuietedToWarn() {
    for (String noisy : new String[] {"io.grpc", "io.netty", "org.apache.http", "software.amazon.awssdk"}) {
      assertThat(context.getLogger(noisy + ".Anything").getEffectiveLevel()).as(noisy).isEqualTo(Level.WARN);
    }
    assertThat(context.getLogger("com.avesa.cutover").getEffectiveLevel()).isEqualTo(Level.INFO);
  }

  @SuppressWarnings("unchecked")
  private String format(Map<String, String> mdc) {
    Logger logger = context.getLogger("com.avesa.cutover.activities.BucketActivitiesImpl");
    LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.INFO, "page copied", null, null);
    event.setMDCPropertyMap(mdc);
    OutputStreamAppender<ILoggingEvent> appender =
        (OutputStreamAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
    return new String(appender.getEncoder().encode(event), StandardCharsets.UTF_8);
  }
}
