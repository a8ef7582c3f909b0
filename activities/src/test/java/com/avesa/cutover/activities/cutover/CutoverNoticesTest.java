package com.avesa.cutover.activities.cutover;

import com.avesa.cutover.activities.testing.Failed;
import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.activities.testing.TestEstates;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.cutover.Notice;
import com.avesa.cutover.workflows.estate.Side;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CutoverNoticesTest extends CutoverTestBase {
  private HttpServer subscriber;
  private final BlockingQueue<JsonNode> deliveries = new LinkedBlockingQueue<>();

  @BeforeEach
  void setUp() throws IOException {
    subscriber = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    subscriber.createContext("/", exchange -> {
      deliveries.add(new ObjectMapper().readTree(exchange.getRequestBody().readAllBytes()));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    subscriber.start();
  }

  @AfterEach
  void tearDown() {
    MOTO.reset(); // drops the subscription before its endpoint goes away
    subscriber.stop(0);
  }

  @Test
  void publishesToATopicInTheTargetAccountItsArnNames() throws InterruptedException {
    String topic = subscribedTopic(Side.TARGET, "avesa-cutover-alerts");

    activities.notify(new Notice(estate, topic, "Cutover approved", "window starts 02:00Z"));

    JsonNode message = delivered();
    assertThat(message.path("TopicArn").asText()).isEqualTo(topic).contains(TestEstates.TARGET_ACCOUNT);
    assertThat(message.path("Subject").asText()).isEqualTo("Cutover approved");
    assertThat(message.path("Message").asText()).isEqualTo("window starts 02:00Z");
  }

  @Test
  void publishesToATopicInTheSourceAccountItsArnNames() throws InterruptedException {
    String topic = subscribedTopic(Side.SOURCE, "ops-alerts");

    activities.notify(new Notice(estate, topic, "Cutover rolled back", "DNS restored"));

    JsonNode message = delivered();
    assertThat(message.path("TopicArn").asText()).contains(TestEstates.SOURCE_ACCOUNT);
  }

  @Test
  void theSubjectIsCutToOneLineOfAtMost100Characters() throws InterruptedException {
    String topic = subscribedTopic(Side.TARGET, "avesa-cutover-alerts");
    String subject = "  Cutover avesa-prod\nrolled back: " + "x".repeat(200);

    activities.notify(new Notice(estate, topic, subject, "details"));

    JsonNode message = delivered();
    String sent = message.path("Subject").asText();
    assertThat(sent).hasSize(100).startsWith("Cutover avesa-prod rolled back: xxx").doesNotContain("\n");
  }

  @Test
  void aMissingTopicFailsNonRetryably() {
    String missing = "arn:aws:sns:" + MotoExtension.REGION + ":" + TestEstates.TARGET_ACCOUNT + ":no-such-topic";

    String message = Failed.nonRetryably(FailureType.NOT_FOUND,
        () -> activities.notify(new Notice(estate, missing, "subject", "text")));

    assertThat(message).contains(missing).contains("target account " + TestEstates.TARGET_ACCOUNT);
  }

  @Test
  void anEmptySubjectIsLeftOut() {
    assertThat(Notices.subject(" \n\t ")).isNull();
    assertThat(Notices.subject(null)).isNull();
    assertThat(Notices.subject("Cutover\r\ndone")).isEqualTo("Cutover done");
  }

  /** The next message moto delivered to the subscriber (it delivers while Publish runs). */
  private JsonNode delivered() throws InterruptedException {
    JsonNode message = deliveries.poll(10, TimeUnit.SECONDS);
    assertThat(message).as("a message delivered to the topic's subscriber").isNotNull();
    return message;
  }

  private String subscribedTopic(Side side, String name) {
    var sns = clients.sns(estate, side);
    String topic = sns.createTopic(b -> b.name(name)).topicArn();
    sns.subscribe(b -> b.topicArn(topic).protocol("http")
        .endpoint("http://127.0.0.1:" + subscriber.getAddress().getPort() + "/"));
    return topic;
  }
}
