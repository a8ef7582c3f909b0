package com.avesa.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.avesa.cutover.cli.CliHarness.Run;
import com.avesa.cutover.workflows.RunSearchAttributes;
import com.avesa.cutover.workflows.run.RunKind;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.ListSearchAttributesResponse;
import io.temporal.common.SearchAttributes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The run search attributes from the CLI's side: a start on a server that has them puts the config
 * and kind on the run; what the namespace lacks is named; {@code avesa list}'s filters become the
 * visibility query, and a server without visibility queries refuses them in one line.
 */
class SearchAttributesCliTest {
  @RegisterExtension static final CliHarness TEMPORAL = new CliHarness();

  @Test
  void aStartOnAServerWithTheAttributesPutsConfigAndKindOnTheRun() {
    Run run = TEMPORAL.avesa("plan", "-c", TEMPORAL.config("attributed").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).doesNotContain("warning");
    SearchAttributes attributes = TEMPORAL.client().newUntypedWorkflowStub("attributed-plan").describe()
        .getTypedSearchAttributes();
    assertThat(attributes.get(RunSearchAttributes.CONFIG)).isEqualTo("attributed");
    assertThat(attributes.get(RunSearchAttributes.KIND)).isEqualTo(RunKind.MIGRATION.word());
  }

  @Test
  void theAttributesANamespaceLacksOrHasWithAnotherTypeAreNamed() {
    ListSearchAttributesResponse partial = ListSearchAttributesResponse.newBuilder()
        .putCustomAttributes("AvesaConfig", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
        .putCustomAttributes("AvesaKind", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
        .putCustomAttributes("AvesaPhase", IndexedValueType.INDEXED_VALUE_TYPE_TEXT)
        .putCustomAttributes("AvesaOutcome", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
        .build();
    ListSearchAttributesResponse all = ListSearchAttributesResponse.newBuilder()
        .putAllCustomAttributes(RunSearchAttributes.REQUIRED).build();

    assertThat(NamespaceSearchAttributes.missing("prod", partial))
        .hasValue("namespace prod has no Keyword search attribute AvesaPhase, AvesaPendingGate");
    assertThat(NamespaceSearchAttributes.missing("prod", all)).isEmpty();
    assertThat(NamespaceSearchAttributes.warning("namespace prod has no Keyword search attribute AvesaPhase"))
        .startsWith("avesa: warning: namespace prod has no Keyword search attribute AvesaPhase: runs start without")
        .doesNotContain("\n");
  }

  @Test
  void listFiltersBecomeTheVisibilityQuery() {
    RunQuery query = new RunQuery("CutoverWorkflow", "avesa-prod", "MONITORING", "RUNNING", "cutover");

    assertThat(query.visibilityQuery()).isEqualTo("WorkflowType = 'CutoverWorkflow' AND AvesaConfig = 'avesa-prod'"
        + " AND AvesaPhase = 'MONITORING' AND AvesaOutcome = 'RUNNING' AND AvesaPendingGate = 'cutover'");
    assertThat(new RunQuery("DataMigrationWorkflow", "avesa-prod", null, null, null).visibilityQuery())
        .isEqualTo("WorkflowType = 'DataMigrationWorkflow' AND AvesaConfig = 'avesa-prod'");
    assertThat(RunQuery.of("DataMigrationWorkflow").visibilityQuery()).isEqualTo("WorkflowType = 'DataMigrationWorkflow'");
    assertThat(query.options()).isEqualTo("--config avesa-prod --phase MONITORING --outcome RUNNING --gate cutover");
  }

  @Test
  void aFilterValueThatCouldEscapeTheQueryIsRefused() {
    assertThatThrownBy(() -> new RunQuery("CutoverWorkflow", "prod' OR 1=1", null, null, null))
        .isInstanceOf(CliException.class)
        .hasMessageStartingWith("--config: 'prod' OR 1=1' is not a value a run can have");
    Run run = TEMPORAL.avesa("list", "--config", "a'b");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void aServerWithoutVisibilityQueriesRefusesFiltersInOneLine() {
    Run run = TEMPORAL.avesa("list", "--kind", "cutover", "--config", "avesa-prod", "--gate", "cutover");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).singleElement().asString()
        .contains("cannot list runs by --config avesa-prod --gate cutover")
        .contains("no visibility queries");
  }
}
