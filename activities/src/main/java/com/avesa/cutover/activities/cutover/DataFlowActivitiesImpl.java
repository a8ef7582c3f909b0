package com.avesa.cutover.activities.cutover;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.aws.Failures;
import com.avesa.cutover.activities.aws.Heartbeats;
import com.avesa.cutover.activities.migration.Tenants;
import com.avesa.cutover.workflows.cutover.DataFlowActivities;
import com.avesa.cutover.workflows.cutover.DataFlowCheck;
import com.avesa.cutover.workflows.cutover.DataFlowRequest;
import com.avesa.cutover.workflows.cutover.DrainRequest;
import com.avesa.cutover.workflows.cutover.SourceInvocations;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@link DataFlowActivities} on the AWS SDK v2: {@link RuleFunctions} (EventBridge targets),
 * {@link LambdaMetrics} (CloudWatch GetMetricData), Lambda GetFunctionConfiguration, the target's
 * TenantServices table and its data lake's {@code raw/} prefixes.
 */
public class DataFlowActivitiesImpl implements DataFlowActivities {
  /** How far before the rules were disabled the drain looks for ConcurrentExecutions. */
  static final Duration LOOK_BACK = Duration.ofMinutes(5);
  /** Listing pages (of 1,000 keys) read per tenant and call before saying "not yet". */
  static final int MAX_PAGES_PER_TENANT = 100;
  private static final String TENANT_ID = "tenant_id";
  private static final String SERVICES = "services";

  private final AwsClients clients;

  public DataFlowActivitiesImpl(AwsClients clients) {
    this.clients = clients;
  }

  @Override
  public SourceInvocations readSourceInvocations(DrainRequest request) {
    Estate estate = request.estate();
    RuleFunctions.Targets targets = new RuleFunctions(clients.eventBridge(estate, Side.SOURCE), where(estate, Side.SOURCE))
        .of(request.rules());
    Map<String, Double> running = metrics(estate, Side.SOURCE).latestMaximum(targets.functions(),
        "ConcurrentExecutions", request.since().minus(LOOK_BACK), Instant.now().plusSeconds(60));
    LambdaClient lambda = clients.lambda(estate, Side.SOURCE);
    List<SourceInvocations.FunctionLoad> loads = new ArrayList<>();
    for (String function : targets.functions()) {
      int timeout = Failures.classified("read the configuration of function " + function + " ("
          + where(estate, Side.SOURCE) + ")", () -> lambda.getFunctionConfiguration(b -> b.functionName(function)))
          .timeout();
      loads.add(new SourceInvocations.FunctionLoad(function, running.get(function), timeout));
    }
    return new SourceInvocations(loads, targets.others());
  }

  @Override
  public DataFlowCheck readDataFlow(DataFlowRequest request) {
    Estate estate = request.estate();
    List<String> active = List.of();
    List<String> arrived = new ArrayList<>();
    if (request.newObjects()) {
      active = activeTenants(estate, request.tenantsTable());
      S3Client s3 = clients.s3(estate, Side.TARGET);
      for (String tenant : active) {
        if (!request.tenantsSeen().contains(tenant) && hasNewObject(s3, request.bucket(), tenant, request.since())) {
          arrived.add(tenant);
        }
      }
    }
    List<String> functions = List.of();
    long invocations = 0;
    long errors = 0;
    if (request.invocations()) {
      functions = request.functions().isEmpty()
          ? new RuleFunctions(clients.eventBridge(estate, Side.TARGET), where(estate, Side.TARGET))
              .of(request.targetRules()).functions()
          : request.functions();
      LambdaMetrics metrics = metrics(estate, Side.TARGET);
      Instant now = Instant.now().plusSeconds(60);
      invocations = metrics.sum(functions, "Invocations", request.since(), now);
      errors = metrics.sum(functions, "Errors", request.since(), now);
    }
    return new DataFlowCheck(active, arrived, functions, invocations, errors);
  }

  /** Tenants whose item has a non-empty {@code services} set (or list), sorted. */
  private List<String> activeTenants(Estate estate, String table) {
    TreeSet<String> active = new TreeSet<>();
    Failures.classified("read tenants table " + table + " (" + where(estate, Side.TARGET) + ")", () -> {
      clients.dynamoDb(estate, Side.TARGET)
          .scanPaginator(b -> b.tableName(table).projectionExpression(TENANT_ID + ", " + SERVICES).consistentRead(true))
          .items().forEach(item -> {
            AttributeValue id = item.get(TENANT_ID);
            AttributeValue services = item.get(SERVICES);
            boolean hasServices = services != null && (services.hasSs() && !services.ss().isEmpty()
                || services.hasL() && !services.l().isEmpty());
            if (id != null && id.s() != null && hasServices) {
              active.add(id.s());
            }
          });
      return active;
    });
    return List.copyOf(active);
  }

  /** Whether {@code raw/{tenant}/} holds an object modified after {@code since}; stops at the first. */
  private boolean hasNewObject(S3Client s3, String bucket, String tenant, Instant since) {
    String prefix = "raw/" + tenant + "/";
    return Failures.classified("list s3://" + bucket + "/" + prefix, () -> {
      int pages = 0;
      for (ListObjectsV2Response page : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix))) {
        for (S3Object object : page.contents()) {
          if (object.lastModified() != null && object.lastModified().isAfter(since)) {
            return true;
          }
        }
        Heartbeats.beat(tenant);
        if (++pages >= MAX_PAGES_PER_TENANT) {
          return false;
        }
      }
      return false;
    });
  }

  private LambdaMetrics metrics(Estate estate, Side side) {
    return new LambdaMetrics(clients.cloudWatch(estate, side), where(estate, side));
  }

  private static String where(Estate estate, Side side) {
    return CutoverActivitiesImpl.where(side, estate.account(side).accountId());
  }
}
