package com.avesa.cutover.workflows.histories;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.List;

/**
 * One path of one workflow type that the corpus records: {@code name} is the file's base name and
 * the workflow id it runs under; {@code open} says the run must still be open when its history is
 * taken (what a deploy meets).
 */
public record Scenario(String name, boolean open, List<Class<?>> workflowTypes, Driver driver) {

  /** Registers activities on {@code worker}, starts {@code env}, drives run {@code workflowId} to its state. */
  @FunctionalInterface
  public interface Driver {
    WorkflowExecutionHistory drive(TestWorkflowEnvironment env, Worker worker, String workflowId) throws Exception;
  }

  public static Scenario closed(String name, List<Class<?>> workflowTypes, Driver driver) {
    return new Scenario(name, false, workflowTypes, driver);
  }

  public static Scenario open(String name, List<Class<?>> workflowTypes, Driver driver) {
    return new Scenario(name, true, workflowTypes, driver);
  }
}
