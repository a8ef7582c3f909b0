package com.avesa.cutover.workflows.account;

/**
 * Something a setup run created, as its compensation needs it.
 *
 * @param kind e.g. iam-role, guardduty-detector, config-recorder, config-delivery-channel, s3-bucket,
 *     cloudtrail-trail, sns-topic, sns-subscription, cloudwatch-alarm
 * @param id the name, id or ARN the delete call takes
 */
public record CreatedResource(String kind, String id) {}
