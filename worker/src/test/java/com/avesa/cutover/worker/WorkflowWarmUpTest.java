package com.avesa.cutover.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.workflows.cutover.CutoverInput;
import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.migration.MigrationInput;
import io.temporal.common.converter.DefaultDataConverter;
import org.junit.jupiter.api.Test;

class WorkflowWarmUpTest {

  @Test
  void theWarmUpLoadsTheWorkflowAndSdkClassesAndConvertsTheWorkflowPayloadTypes() {
    WorkflowWarmUp.Result result = WorkflowWarmUp.warmUp(WorkerPolling.WORKFLOW_TYPES,
        DefaultDataConverter.newDefaultInstance());

    assertThat(result.classes()).isGreaterThan(200);
    assertThat(result.payloadTypes()).isGreaterThan(10);
  }

  @Test
  void thePayloadTypesAreWhatTheWorkflowMethodsTakeAndReturn() {
    assertThat(WorkflowWarmUp.payloadTypes(WorkerPolling.WORKFLOW_TYPES))
        .contains(CutoverInput.class, CutoverReport.class, MigrationInput.class)
        .doesNotContain(void.class);
  }
}
