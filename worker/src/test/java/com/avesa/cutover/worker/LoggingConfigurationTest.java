package com.avesa.cutover.worker;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.internal.logging.LoggerTag;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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
        .contains("c.a.c.a.m.BucketActivitiesImpl")
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

  @Test
  void logFormatJsonWritesOneJsonObjectPerLineWithTheTemporalIds() throws Exception {
    LoggerContext json = configured("json");
    Map<String, String> mdc = Map.of(
        LoggerTag.WORKFLOW_ID, "migrate-avesa-prod",
        LoggerTag.RUN_ID, "run-1",
        LoggerTag.ACTIVITY_TYPE, "CopyPage",
        LoggerTag.ACTIVITY_ID, "7",
        LoggerTag.ATTEMPT, "2");

    String line = format(json, rootAppender(json), mdc, "page {} copied", 3);

    assertThat(line).endsWith("\n").hasLineCount(1);
    JsonNode entry = new ObjectMapper().readTree(line);
    assertThat(entry.get("level").asText()).isEqualTo("INFO");
    assertThat(entry.get("loggerName").asText()).isEqualTo("com.avesa.cutover.activities.migration.BucketActivitiesImpl");
    assertThat(entry.get("formattedMessage").asText()).isEqualTo("page 3 copied");
    assertThat(entry.get("timestamp").asLong()).isPositive();
    JsonNode ids = entry.get("mdc");
    assertThat(ids.get("WorkflowId").asText()).isEqualTo("migrate-avesa-prod");
    assertThat(ids.get("RunId").asText()).isEqualTo("run-1");
    assertThat(ids.get("ActivityType").asText()).isEqualTo("CopyPage");
    assertThat(ids.get("ActivityId").asText()).isEqualTo("7");
    assertThat(ids.get("Attempt").asText()).isEqualTo("2");
    json.stop();
  }

  @Test
  void theRootLogsToExactlyOneAppenderChosenByLogFormat() throws Exception {
    for (Map.Entry<String, String> chosen : Map.of("text", "STDERR", "json", "JSON", "yaml", "STDERR").entrySet()) {
      LoggerContext configured = configured(chosen.getKey());

      assertThat(rootAppenders(configured)).as(chosen.getKey())
          .extracting(Appender::getName).containsExactly(chosen.getValue());
      configured.stop();
    }
  }

  /** A fresh context configured from the worker's logback.xml with LOG_FORMAT set to {@code format}. */
  private static LoggerContext configured(String format) throws JoranException {
    LoggerContext fresh = new LoggerContext();
    fresh.putProperty("LOG_FORMAT", format);
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(fresh);
    configurator.doConfigure(LoggingConfigurationTest.class.getResource("/logback.xml"));
    return fresh;
  }

  private static List<Appender<ILoggingEvent>> rootAppenders(LoggerContext context) {
    List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
    Iterator<Appender<ILoggingEvent>> it = context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders();
    it.forEachRemaining(appenders::add);
    return appenders;
  }

  @SuppressWarnings("unchecked")
  private static OutputStreamAppender<ILoggingEvent> rootAppender(LoggerContext context) {
    return (OutputStreamAppender<ILoggingEvent>) rootAppenders(context).get(0);
  }

  @SuppressWarnings("unchecked")
  private String format(Map<String, String> mdc) {
    return format(context,
        (OutputStreamAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR"),
        mdc, "page copied");
  }

  private static String format(LoggerContext context, OutputStreamAppender<ILoggingEvent> appender,
      Map<String, String> mdc, String message, Object... arguments) {
    Logger logger = context.getLogger("com.avesa.cutover.activities.migration.BucketActivitiesImpl");
    LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.INFO, message, null, arguments);
    event.setMDCPropertyMap(mdc);
    return new String(appender.getEncoder().encode(event), StandardCharsets.UTF_8);
  }
}
