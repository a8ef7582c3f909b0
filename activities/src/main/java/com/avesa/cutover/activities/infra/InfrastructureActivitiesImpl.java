package com.avesa.cutover.activities.infra;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.infra.DeployRequest;
import com.avesa.cutover.workflows.infra.DeployResult;
import com.avesa.cutover.workflows.infra.DeployedResources;
import com.avesa.cutover.workflows.infra.DeployedResourcesRequest;
import com.avesa.cutover.workflows.infra.InfrastructureActivities;
import com.avesa.cutover.workflows.infra.StorageRequest;
import com.avesa.cutover.workflows.infra.TargetStorage;
import java.time.Duration;
import java.util.Map;

/**
 * Phase 2 on the AWS SDK v2 (target account), and a child process of the worker for a deploy
 * command its operator allows.
 */
public class InfrastructureActivitiesImpl implements InfrastructureActivities {
  private final AwsClients clients;
  private final DeployLauncher deploys;

  /**
   * @param commands the deploy commands the worker's operator allows
   * @param workerEnvironment the worker's environment, of which a deploy command gets PATH and HOME only
   */
  public InfrastructureActivitiesImpl(AwsClients clients, DeployCommands commands,
      Map<String, String> workerEnvironment) {
    this(clients, commands, workerEnvironment, DeployRun.HEARTBEAT_EVERY);
  }

  /** With a faster heartbeat, for tests. */
  InfrastructureActivitiesImpl(AwsClients clients, DeployCommands commands, Map<String, String> workerEnvironment,
      Duration heartbeatEvery) {
    this.clients = clients;
    this.deploys = new DeployLauncher(clients, commands, workerEnvironment, heartbeatEvery);
  }

  @Override
  public DeployResult runDeployCommand(DeployRequest request) {
    return deploys.launch(request);
  }

  @Override
  public TargetStorage inspectTargetStorage(StorageRequest request) {
    Estate estate = request.estate();
    StorageInspection inspection = new StorageInspection(clients.s3(estate, Side.TARGET), estate.region(),
        clients.dynamoDb(estate, Side.TARGET), estate.target().accountId());
    return new TargetStorage(request.buckets().stream().map(inspection::bucket).toList(),
        request.tables().stream().map(inspection::table).toList());
  }

  @Override
  public DeployedResources verifyDeployedResources(DeployedResourcesRequest request) {
    Estate estate = request.estate();
    return new DeployedResourceCheck(clients.cloudFormation(estate, Side.TARGET), clients.lambda(estate, Side.TARGET),
        clients.eventBridge(estate, Side.TARGET), estate.target().accountId()).check(request);
  }
}
