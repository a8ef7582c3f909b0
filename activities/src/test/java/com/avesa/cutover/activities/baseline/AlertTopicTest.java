package com.avesa.cutover.activities.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.workflows.account.BaselineStep;
import com.avesa.cutover.workflows.account.CreatedResource;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Subscription;

class AlertTopicTest extends BaselineTestBase {
  static final String TOPIC_ARN = "arn:aws:sns:" + MotoExtension.REGION + ":" + ACCOUNT + ":" + TOPIC;

  @Test
  void createsTheTopicAndASubscriptionPerEmail() {
    BaselineStep step = activities.ensureAlertTopic(request(security(1000, "ops@avesa.example.com", "cto@avesa.example.com")));

    assertThat(step.topicArn()).isEqualTo(TOPIC_ARN);
    assertThat(lines(step.changed())).containsExactly("sns topic " + TOPIC + ": created",
        "sns email subscription ops@avesa.example.com: created", "sns email subscription cto@avesa.example.com: created");
    assertThat(step.created()).extracting(CreatedResource::kind).containsExactly(AlertTopic.TOPIC_KIND,
        AlertTopic.SUBSCRIPTION_KIND, AlertTopic.SUBSCRIPTION_KIND);
    assertThat(subscriptions()).extracting(Subscription::endpoint)
        .containsExactlyInAnyOrder("ops@avesa.example.com", "cto@avesa.example.com");
    assertThat(subscriptions()).extracting(Subscription::protocol).containsOnly("email");
    assertThat(clients.sns(admin, Side.SOURCE).listTopics().topics()).isEmpty();
  }

  @Test
  void aThirdEmailAddedLaterIsTheOnlyChange() {
    activities.ensureAlertTopic(request(security(1000, "ops@avesa.example.com", "cto@avesa.example.com")));

    BaselineStep step = activities.ensureAlertTopic(request(security(1000,
        "ops@avesa.example.com", "CTO@avesa.example.com", "oncall@avesa.example.com")));

    assertThat(step.changed()).containsExactly(new PhaseItem("sns email subscription oncall@avesa.example.com", "created"));
    assertThat(step.created()).singleElement().satisfies(c -> assertThat(c.kind()).isEqualTo(AlertTopic.SUBSCRIPTION_KIND));
    assertThat(step.unchanged()).hasSize(3);
    assertThat(subscriptions()).hasSize(3);
  }

  @Test
  void removeUnsubscribesAndDeletesTheTopicAndASecondRemoveIsFine() {
    BaselineStep step = activities.ensureAlertTopic(request(security(1000, "ops@avesa.example.com")));
    String subscription = handle(step, AlertTopic.SUBSCRIPTION_KIND).id();

    remove(AlertTopic.SUBSCRIPTION_KIND, subscription);
    remove(AlertTopic.SUBSCRIPTION_KIND, subscription);
    assertThat(subscriptions()).isEmpty();

    remove(AlertTopic.TOPIC_KIND, TOPIC_ARN);
    remove(AlertTopic.TOPIC_KIND, TOPIC_ARN);
    assertThat(clients.sns(admin, Side.TARGET).listTopics().topics()).isEmpty();
  }

  private List<Subscription> subscriptions() {
    SnsClient sns = clients.sns(admin, Side.TARGET);
    return sns.listSubscriptionsByTopic(b -> b.topicArn(TOPIC_ARN)).subscriptions();
  }
}
