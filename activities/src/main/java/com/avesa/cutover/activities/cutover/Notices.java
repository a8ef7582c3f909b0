package com.avesa.cutover.activities.cutover;

import com.avesa.cutover.activities.aws.Failures;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * SNS notices to one topic. SNS subjects are at most 100 characters without line breaks or
 * control characters: the subject is cleaned and cut to fit rather than refused.
 */
final class Notices {
  static final int SUBJECT_CHARS = 100;

  private final SnsClient sns;
  private final String where;

  /** @param where the side and account for messages, e.g. {@code source account 123456789012} */
  Notices(SnsClient sns, String where) {
    this.sns = sns;
    this.where = where;
  }

  /**
   * The side whose account the topic's ARN ({@code arn:aws:sns:REGION:ACCOUNT:NAME}) names: the
   * target when it is the target's account id, else the source.
   */
  static Side sideOf(Estate estate, String topicArn) {
    String[] parts = topicArn.split(":", 6);
    boolean target = parts.length == 6 && estate.target() != null && parts[4].equals(estate.target().accountId());
    return target ? Side.TARGET : Side.SOURCE;
  }

  void publish(String topicArn, String subject, String message) {
    String cleanSubject = subject(subject);
    Failures.classified("publish to " + topicArn + " (" + where + ")",
        () -> sns.publish(b -> b.topicArn(topicArn).subject(cleanSubject).message(message)));
  }

  boolean exists(String topicArn) {
    return Failures.ifFound(() -> sns.getTopicAttributes(b -> b.topicArn(topicArn))).isPresent();
  }

  /** Control characters and line breaks become spaces; trimmed; at most 100 characters; null when empty. */
  static String subject(String subject) {
    if (subject == null) {
      return null;
    }
    String oneLine = subject.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]+", " ").trim();
    if (oneLine.codePointCount(0, oneLine.length()) > SUBJECT_CHARS) {
      oneLine = oneLine.substring(0, oneLine.offsetByCodePoints(0, SUBJECT_CHARS)).trim();
    }
    return oneLine.isEmpty() ? null : oneLine;
  }
}
