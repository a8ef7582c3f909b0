package com.avesa.cutover.activities.baseline;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.Subscription;

/**
 * The SNS alert topic and one email subscription per configured address. CreateTopic and
 * Subscribe answer the same for a new and an existing topic or subscription, so what is in place
 * is read first (GetTopicAttributes, ListSubscriptionsByTopic) to report truthfully. A subscription
 * still waiting for its email confirmation counts as subscribed: subscribing again would only
 * send the person another confirmation mail.
 */
final class AlertTopic {
  static final String TOPIC_KIND = "sns-topic";
  static final String SUBSCRIPTION_KIND = "sns-subscription";
  private static final String EMAIL = "email";
  private static final String PENDING = "PendingConfirmation";

  private final AwsClients clients;

  AlertTopic(AwsClients clients) {
    this.clients = clients;
  }

  /** The topic {@code name} with a subscription per address; its ARN. */
  String ensure(Estate admin, String accountId, String name, List<String> emails, StepReport report) {
    SnsClient sns = clients.sns(admin, Side.TARGET);
    String topicArn = "arn:aws:sns:" + admin.region() + ":" + accountId + ":" + name;
    String item = "sns topic " + name;
    if (BaselineFailures.call("read topic " + topicArn, () -> exists(sns, topicArn))) {
      report.inPlace(item);
    } else {
      String created = BaselineFailures.call("create topic " + name, () -> sns.createTopic(b -> b.name(name)).topicArn());
      report.created(item, TOPIC_KIND, created);
    }
    Map<String, Subscription> subscribed = BaselineFailures.call("list the subscriptions of " + topicArn,
        () -> sns.listSubscriptionsByTopicPaginator(b -> b.topicArn(topicArn)).subscriptions().stream()
            .filter(s -> EMAIL.equals(s.protocol()))
            .collect(Collectors.toMap(s -> normalized(s.endpoint()), Function.identity(), (a, b) -> a)));
    for (String email : emails) {
      String subscriptionItem = "sns email subscription " + email;
      Subscription present = subscribed.get(normalized(email));
      if (present != null) {
        report.inPlace(subscriptionItem, PENDING.equals(present.subscriptionArn()) ? "pending confirmation" : "confirmed");
        continue;
      }
      String arn = BaselineFailures.call("subscribe " + email + " to " + topicArn, () -> sns.subscribe(b -> b
          .topicArn(topicArn).protocol(EMAIL).endpoint(email).returnSubscriptionArn(true)).subscriptionArn());
      report.created(subscriptionItem, SUBSCRIPTION_KIND, arn);
    }
    return topicArn;
  }

  /** Deletes the topic (and with it its subscriptions); a missing one is gone already. */
  void removeTopic(Estate admin, String topicArn) {
    try {
      BaselineFailures.run("delete topic " + topicArn, () -> clients.sns(admin, Side.TARGET).deleteTopic(b -> b.topicArn(topicArn)));
    } catch (NotFoundException gone) {
      // already deleted
    }
  }

  /** Unsubscribes (a pending subscription too: Subscribe was asked for its real ARN); missing is fine. */
  void removeSubscription(Estate admin, String subscriptionArn) {
    try {
      BaselineFailures.run("unsubscribe " + subscriptionArn,
          () -> clients.sns(admin, Side.TARGET).unsubscribe(b -> b.subscriptionArn(subscriptionArn)));
    } catch (NotFoundException gone) {
      // already unsubscribed, or its topic is gone
    }
  }

  private static boolean exists(SnsClient sns, String topicArn) {
    try {
      sns.getTopicAttributes(b -> b.topicArn(topicArn));
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  /** Email addresses are compared without case: SNS keeps them as typed. */
  private static String normalized(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }
}
