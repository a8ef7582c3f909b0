package com.avesa.cutover.workflows.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.workflows.account.AccountSetupWorkflow;
import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.cutover.CutoverWorkflow;
import com.avesa.cutover.workflows.cutover.RollbackWorkflow;
import com.avesa.cutover.workflows.decommission.DecommissionWorkflow;
import com.avesa.cutover.workflows.infra.InfrastructureWorkflow;
import com.avesa.cutover.workflows.isolation.IsolationReport;
import com.avesa.cutover.workflows.isolation.ProductionIsolationWorkflow;
import com.avesa.cutover.workflows.migration.DataMigrationWorkflow;
import com.avesa.cutover.workflows.migration.MigrationProgress;
import com.avesa.cutover.workflows.migration.Mode;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import com.avesa.cutover.workflows.runbook.PhaseProgress;
import com.avesa.cutover.workflows.smoke.SmokeTestWorkflow;
import com.avesa.cutover.workflows.validation.PostCutoverValidationWorkflow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.workflow.QueryMethod;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code progress} query answers a {@link RunProgress}, and implementing it changed nothing
 * on the wire: the JSON the data converter writes has exactly the record's components as fields,
 * and reads back to an equal record.
 */
class RunProgressWireTest {
  private static final DataConverter CONVERTER = DefaultDataConverter.newDefaultInstance();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final List<Class<?>> QUERIED = List.of(DataMigrationWorkflow.class, CutoverWorkflow.class,
      RollbackWorkflow.class, ProductionIsolationWorkflow.class, AccountSetupWorkflow.class,
      InfrastructureWorkflow.class, SmokeTestWorkflow.class, PostCutoverValidationWorkflow.class,
      DecommissionWorkflow.class);

  @Test
  void everyProgressQueryAnswersARunProgress() {
    for (Class<?> workflow : QUERIED) {
      Method query = progressQuery(workflow).orElseThrow(() -> new AssertionError(workflow + " has no progress query"));
      assertThat(RunProgress.class).as(workflow.getSimpleName()).isAssignableFrom(query.getReturnType());
    }
  }

  @Test
  void theJsonOnTheWireHasTheRecordsComponentsAndNothingElse() throws Exception {
    List<RunProgress> samples = List.of(
        new MigrationProgress(Mode.COPY, "COPY", "bucket b page 2", 10, 100, 4, 40, 5, 2, 1, 2, 1, 1, 3, 5, 1, 0),
        new PhaseProgress("avesa-prod-decommission", "GATE", PhaseOutcome.RUNNING, "decommission", 2, null,
            List.of(), List.of(new PhaseItem("bucket b", "archived")), List.of(), List.of("one")),
        new CutoverReport("avesa-prod-cutover", RunKind.CUTOVER, "prod", null, "GATE", "preflight done",
            "ops", "cutover", 2, null, null, null, null, null, null, null, null, null, null, null),
        new IsolationReport("avesa-prod-isolate", "prod", "ops", PhaseOutcome.RUNNING, "CUTOVER", "cutover", 1,
            "avesa-prod-isolate-cutover", List.of(), List.of(), List.of(), List.of(), null, null));
    for (RunProgress sample : samples) {
      Payload payload = CONVERTER.toPayload(sample).orElseThrow();
      JsonNode json = JSON.readTree(payload.getData().toByteArray());
      List<String> fields = new ArrayList<>();
      json.fieldNames().forEachRemaining(fields::add);

      assertThat(fields).as(sample.getClass().getSimpleName()).containsExactlyElementsOf(components(sample.getClass()));
      assertThat(CONVERTER.fromPayload(payload, sample.getClass(), sample.getClass())).isEqualTo(sample);
    }
  }

  @Test
  void theSharedShapeReadsEachKindsFields() {
    RunProgress migration =
        new MigrationProgress(Mode.COPY, "COPY", "bucket b page 2", 10, 100, 4, 40, 5, 2, 1, 2, 1, 1, 3, 5, 1, 0);
    RunProgress phase = new PhaseProgress("id", "GATE", PhaseOutcome.RUNNING, "decommission", 2, null, List.of(),
        List.of(new PhaseItem("bucket b", "archived")), List.of(), List.of("one"));

    assertThat(migration.pendingGate()).isNull();
    assertThat(migration.counts()).isEqualTo(new RunCounts(4 + 2 + 1, 5, 1));
    assertThat(phase.step()).isNull();
    assertThat(phase.pendingGate()).isEqualTo("decommission");
    assertThat(phase.approvalsNeeded()).isEqualTo(2);
    assertThat(phase.counts()).isEqualTo(new RunCounts(1, 0, 1));
  }

  private static Optional<Method> progressQuery(Class<?> workflow) {
    return Arrays.stream(workflow.getMethods()).filter(m -> m.isAnnotationPresent(QueryMethod.class))
        .filter(m -> m.getName().equals("progress")).findFirst();
  }

  private static List<String> components(Class<?> record) {
    return Stream.of(record.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toList());
  }
}
