package com.avesa.cutover.activities.decommission;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.workflows.decommission.ArchiveBucketRequest;
import com.avesa.cutover.workflows.decommission.ArchivePage;
import com.avesa.cutover.workflows.decommission.ArchivePageRequest;
import com.avesa.cutover.workflows.decommission.DecommissionActivities;
import com.avesa.cutover.workflows.decommission.RemovalRequest;
import com.avesa.cutover.workflows.decommission.ResourceChange;
import com.avesa.cutover.workflows.estate.Side;

/** The decommission's side effects, all with the SOURCE account's clients. */
public final class DecommissionActivitiesImpl implements DecommissionActivities {
  private final AwsClients clients;

  public DecommissionActivitiesImpl(AwsClients clients) {
    this.clients = clients;
  }

  @Override
  public ResourceChange ensureArchiveBucket(ArchiveBucketRequest request) {
    return new ArchiveBucket(clients.s3(request.estate(), Side.SOURCE), request.estate().region(),
        request.estate().source().accountId()).ensure(request.archiveBucket());
  }

  @Override
  public ArchivePage archivePage(ArchivePageRequest request) {
    return new ArchivePages(clients.s3(request.estate(), Side.SOURCE)).archive(request);
  }

  @Override
  public ResourceChange removeRule(RemovalRequest request) {
    return new SourceRemovals(clients, request.estate()).removeRule(request.name());
  }

  @Override
  public ResourceChange removeFunction(RemovalRequest request) {
    return new SourceRemovals(clients, request.estate()).removeFunction(request.name());
  }

  @Override
  public ResourceChange removeTable(RemovalRequest request) {
    return new SourceRemovals(clients, request.estate()).removeTable(request.name());
  }

  @Override
  public ResourceChange removeBucketObjects(RemovalRequest request) {
    return new SourceRemovals(clients, request.estate()).removeBucketObjects(request.name());
  }
}
