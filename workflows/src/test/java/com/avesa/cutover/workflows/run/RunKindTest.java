package com.avesa.cutover.workflows.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.workflows.account.AccountSetupWorkflow;
import com.avesa.cutover.workflows.cutover.CutoverWorkflow;
import com.avesa.cutover.workflows.cutover.RollbackWorkflow;
import com.avesa.cutover.workflows.decommission.DecommissionWorkflow;
import com.avesa.cutover.workflows.infra.InfrastructureWorkflow;
import com.avesa.cutover.workflows.isolation.ProductionIsolationWorkflow;
import com.avesa.cutover.workflows.migration.DataMigrationWorkflow;
import com.avesa.cutover.workflows.smoke.SmokeTestWorkflow;
import com.avesa.cutover.workflows.sync.FinalSyncWorkflow;
import com.avesa.cutover.workflows.validation.PostCutoverValidationWorkflow;
import io.temporal.common.metadata.POJOWorkflowInterfaceMetadata;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunKindTest {
  private static final Map<RunKind, Class<?>> INTERFACES = Map.of(
      RunKind.MIGRATION, DataMigrationWorkflow.class,
      RunKind.CUTOVER, CutoverWorkflow.class,
      RunKind.ROLLBACK, RollbackWorkflow.class,
      RunKind.SYNC, FinalSyncWorkflow.class,
      RunKind.ISOLATE, ProductionIsolationWorkflow.class,
      RunKind.ACCOUNT, AccountSetupWorkflow.class,
      RunKind.INFRA, InfrastructureWorkflow.class,
      RunKind.SMOKE, SmokeTestWorkflow.class,
      RunKind.VALIDATE, PostCutoverValidationWorkflow.class,
      RunKind.DECOMMISSION, DecommissionWorkflow.class);

  @Test
  void everyKindNamesTheTypeTemporalRegistersForItsInterface() {
    assertThat(INTERFACES).containsOnlyKeys(RunKind.values());
    INTERFACES.forEach((kind, type) -> assertThat(kind.workflowType()).as(kind.name())
        .isEqualTo(POJOWorkflowInterfaceMetadata.newInstance(type).getWorkflowType().orElseThrow()));
  }

  @Test
  void kindsAreFoundByWordAndByType() {
    assertThat(RunKind.ofWord("Cutover")).contains(RunKind.CUTOVER);
    assertThat(RunKind.ofWorkflowType("FinalSyncWorkflow")).contains(RunKind.SYNC);
    assertThat(RunKind.ofWord("nope")).isEmpty();
    assertThat(RunKind.ofWorkflowType(null)).isEmpty();
  }
}
