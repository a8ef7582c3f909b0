package com.avesa.cutover.workflows.decommission;

import com.avesa.cutover.workflows.config.DecommissionConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One removal the decommission makes once its gate opened: the kind of resource, its name, the activity. */
record SourceRemoval(String kind, String name, Function<RemovalRequest, ResourceChange> call) {

  /**
   * What {@code remove} names, in runbook order: rules (nothing triggers the functions), functions,
   * tables, then the objects of each source bucket.
   */
  static List<SourceRemoval> inRunbookOrder(DecommissionConfig.Removal remove, List<String> sourceBuckets,
      DecommissionActivities removals, DecommissionActivities bucketRemovals) {
    List<SourceRemoval> all = new ArrayList<>();
    remove.rules().forEach(name -> all.add(new SourceRemoval("eventbridge rule", name, removals::removeRule)));
    remove.functions().forEach(name -> all.add(new SourceRemoval("lambda function", name, removals::removeFunction)));
    remove.tables().forEach(name -> all.add(new SourceRemoval("dynamodb table", name, removals::removeTable)));
    if (remove.bucketObjects()) {
      sourceBuckets.forEach(name -> all.add(new SourceRemoval("objects of s3 bucket", name,
          bucketRemovals::removeBucketObjects)));
    }
    return all;
  }
}
