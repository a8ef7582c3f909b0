package com.avesa.cutover.activities.validation;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.aws.Failures;
import com.avesa.cutover.activities.aws.Heartbeats;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.validation.DataLakeRequest;
import com.avesa.cutover.workflows.validation.DataLakeSummary;
import com.avesa.cutover.workflows.validation.TenantList;
import com.avesa.cutover.workflows.validation.TenantListRequest;
import com.avesa.cutover.workflows.validation.TenantSecrets;
import com.avesa.cutover.workflows.validation.TenantSecretsRequest;
import com.avesa.cutover.workflows.validation.ValidationActivities;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The post-cutover validation's reads of the target: the TenantServices table, one listing of
 * the data lake, and whether each tenant's secret exists. Secret values are never read. A missing
 * table or bucket and refused access are non-retryable; anything else is left to the retries.
 */
public class ValidationActivitiesImpl implements ValidationActivities {
  private static final String TENANT_ID = "tenant_id";
  private static final int PAGE_SIZE = 1_000;

  private final AwsClients clients;
  private final int pageSize;

  public ValidationActivitiesImpl(AwsClients clients) {
    this(clients, PAGE_SIZE);
  }

  /** {@code pageSize}: keys per listing page, and so per heartbeat (tests use small pages). */
  ValidationActivitiesImpl(AwsClients clients, int pageSize) {
    this.clients = clients;
    this.pageSize = pageSize;
  }

  @Override
  public TenantList listTenants(TenantListRequest request) {
    String what = "read tenants table " + request.table();
    List<String> ids = new ArrayList<>();
    try {
      clients.dynamoDb(request.estate(), Side.TARGET)
          .scanPaginator(b -> b.tableName(request.table()).projectionExpression(TENANT_ID).consistentRead(true))
          .items().forEach(item -> {
            AttributeValue id = item.get(TENANT_ID);
            if (id != null && id.s() != null) {
              ids.add(id.s());
            }
          });
    } catch (ResourceNotFoundException e) {
      throw missing(what, "check tenants.table (default: the data.tables target whose name starts with TenantServices)");
    } catch (AwsServiceException e) {
      throw deniedOrAsIs(what, e);
    }
    ids.sort(null);
    return new TenantList(ids);
  }

  @Override
  public DataLakeSummary summarizeDataLake(DataLakeRequest request) {
    DataLakeScan resumed = Heartbeats.lastDetails(DataLakeScan.class).orElse(null);
    DataLakeTally tally = new DataLakeTally(request.bucket(), request.tenantIds(), request.since(),
        request.knownPrefixesOrNone(), resumed == null ? null : resumed.soFar());
    if (resumed != null && resumed.continuationToken() == null) {
      return tally.summary(); // the last heartbeat was of the last page: nothing is left to list
    }
    String start = resumed == null ? null : resumed.continuationToken();
    String what = "list data lake bucket " + request.bucket();
    try {
      for (ListObjectsV2Response page : clients.s3(request.estate(), Side.TARGET)
          .listObjectsV2Paginator(b -> b.bucket(request.bucket()).maxKeys(pageSize).continuationToken(start))) {
        for (S3Object object : page.contents()) {
          tally.add(object.key(), object.lastModified());
        }
        Heartbeats.beat(new DataLakeScan(page.nextContinuationToken(), tally.summary()));
      }
    } catch (NoSuchBucketException e) {
      throw missing(what, "check tenants.bucket (default: the first data.buckets target)");
    } catch (AwsServiceException e) {
      throw deniedOrAsIs(what, e);
    }
    return tally.summary();
  }

  @Override
  public TenantSecrets checkTenantSecrets(TenantSecretsRequest request) {
    SecretsManagerClient secrets = clients.secrets(request.estate(), Side.TARGET);
    List<String> missing = new ArrayList<>();
    for (String name : request.secretNames()) {
      if (!exists(secrets, name)) {
        missing.add(name);
      }
    }
    return new TenantSecrets(missing);
  }

  /** DescribeSecret only: whether {@code name} exists and is not scheduled for deletion. */
  private static boolean exists(SecretsManagerClient secrets, String name) {
    try {
      return secrets.describeSecret(b -> b.secretId(name)).deletedDate() == null;
    } catch (software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException e) {
      return false;
    } catch (AwsServiceException e) {
      throw deniedOrAsIs("describe secret " + name, e);
    }
  }

  private static ApplicationFailure missing(String what, String fix) {
    return Failures.nonRetryable(FailureType.NOT_FOUND, what + ": does not exist in the target account: " + fix);
  }

  private static RuntimeException deniedOrAsIs(String what, AwsServiceException e) {
    return Failures.deniedOr(what + " in the target account", e, "the deployment role needs read access to it");
  }
}
