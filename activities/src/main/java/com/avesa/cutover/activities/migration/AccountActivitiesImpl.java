package com.avesa.cutover.activities.migration;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.aws.CallerIdentity;
import com.avesa.cutover.activities.aws.Failures;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.migration.AccountActivities;
import com.avesa.cutover.workflows.migration.AccountCheck;
import com.avesa.cutover.workflows.migration.PreflightRequest;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** Preflight on the AWS SDK v2: identities, then the source buckets and tables. Read-only. */
public class AccountActivitiesImpl implements AccountActivities {
  private final AwsClients clients;

  public AccountActivitiesImpl(AwsClients clients) {
    this.clients = clients;
  }

  @Override
  public AccountCheck verifyAccess(PreflightRequest request) {
    Estate estate = request.estate();
    GetCallerIdentityResponse source = CallerIdentity.of(clients, estate, Side.SOURCE).orThrow();
    GetCallerIdentityResponse target = CallerIdentity.of(clients, estate, Side.TARGET).orThrow();
    String sourceAccount = estate.source().accountId();
    S3Client s3 = clients.s3(estate, Side.SOURCE);
    for (String bucket : request.sourceBuckets()) {
      try {
        s3.headBucket(b -> b.bucket(bucket));
      } catch (SdkException e) {
        if (Failures.isNotFound(e)) {
          throw Failures.nonRetryable(FailureType.NOT_FOUND,
              "source bucket " + bucket + " does not exist (account " + sourceAccount + ")");
        }
        throw Failures.classify("source bucket " + bucket + " (account " + sourceAccount + ")", e);
      }
    }
    DynamoDbClient dynamoDb = clients.dynamoDb(estate, Side.SOURCE);
    for (String table : request.sourceTables()) {
      try {
        dynamoDb.describeTable(b -> b.tableName(table));
      } catch (SdkException e) {
        if (Failures.isNotFound(e)) {
          throw Failures.nonRetryable(FailureType.NOT_FOUND,
              "source table " + table + " does not exist (account " + sourceAccount + ", " + estate.region() + ")");
        }
        throw Failures.classify("source table " + table + " (account " + sourceAccount + ")", e);
      }
    }
    return new AccountCheck(source.account(), source.arn(), target.account(), target.arn());
  }
}
