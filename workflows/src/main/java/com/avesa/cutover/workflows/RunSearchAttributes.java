package com.avesa.cutover.workflows;

import com.avesa.cutover.workflows.run.RunKind;
import com.avesa.cutover.workflows.runbook.Phases;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.common.SearchAttributes;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The search attributes a run carries so it can be found by config, kind, phase, outcome and
 * pending gate ({@code temporal workflow list --query "AvesaConfig='prod' AND AvesaPendingGate='cutover'"},
 * {@code avesa list --config prod --gate cutover}, the UI's filters).
 *
 * <p>A starter puts {@link #CONFIG} and {@link #KIND} on a run only when the namespace has the
 * attributes ({@link #atStart}); an upsert of an attribute the server does not know fails the
 * workflow task. So a run upserts {@link #PHASE}, {@link #OUTCOME} and {@link #PENDING_GATE} only
 * when it was started with {@link #CONFIG}, and only from version 1 of {@link #CHANGE_ID}: a run
 * started without them, or replayed from a history recorded before, emits exactly the commands it
 * did before. Workflow-thread only.
 */
public final class RunSearchAttributes {
  /** The change id of the upserts, for {@code Workflow.getVersion}. */
  public static final String CHANGE_ID = "search-attributes";

  public static final SearchAttributeKey<String> CONFIG = SearchAttributeKey.forKeyword("AvesaConfig");
  public static final SearchAttributeKey<String> KIND = SearchAttributeKey.forKeyword("AvesaKind");
  public static final SearchAttributeKey<String> PHASE = SearchAttributeKey.forKeyword("AvesaPhase");
  public static final SearchAttributeKey<String> OUTCOME = SearchAttributeKey.forKeyword("AvesaOutcome");
  public static final SearchAttributeKey<String> PENDING_GATE = SearchAttributeKey.forKeyword("AvesaPendingGate");

  /** Every attribute, by name, with its type: what a namespace must have (all Keyword). */
  public static final Map<String, IndexedValueType> REQUIRED = required();

  private Boolean upserting;
  private String phase;
  private String outcome;
  private String pendingGate;

  /** The attributes a starter gives a new run of {@code kind} from config {@code config}. */
  public static SearchAttributes atStart(String config, String kind) {
    return SearchAttributes.newBuilder().set(CONFIG, config).set(KIND, kind).build();
  }

  /**
   * The same attributes for a child of the current run, of {@code kind}, when the current run has
   * them (the namespace has them) and upserts; else none.
   */
  public SearchAttributes forChild(String kind) {
    if (!upserting()) {
      return null;
    }
    return atStart(Workflow.getTypedSearchAttributes().get(CONFIG), kind);
  }

  /**
   * Upserts what changed since the last call: the phase, the outcome, the pending gate (null
   * removes it). Does nothing when the run does not upsert (see the class comment).
   */
  public void update(String phase, String outcome, String pendingGate) {
    if (!upserting()) {
      return;
    }
    List<SearchAttributeUpdate<?>> updates = new ArrayList<>();
    if (phase != null && !phase.equals(this.phase)) {
      updates.add(PHASE.valueSet(phase));
    }
    if (outcome != null && !outcome.equals(this.outcome)) {
      updates.add(OUTCOME.valueSet(outcome));
    }
    if (!Objects.equals(pendingGate, this.pendingGate)) {
      updates.add(pendingGate == null ? PENDING_GATE.valueUnset() : PENDING_GATE.valueSet(pendingGate));
    }
    this.phase = phase == null ? this.phase : phase;
    this.outcome = outcome == null ? this.outcome : outcome;
    this.pendingGate = pendingGate;
    if (!updates.isEmpty()) {
      Workflow.upsertTypedSearchAttributes(updates.toArray(SearchAttributeUpdate<?>[]::new));
    }
  }

  /** The kind of the child an isolation run starts for runbook phase {@code phase}. */
  public static String kindOfPhase(String phase) {
    return switch (phase) {
      case Phases.ACCOUNT_SETUP -> RunKind.ACCOUNT.word();
      case Phases.INFRASTRUCTURE -> RunKind.INFRA.word();
      case Phases.PLAN, Phases.COPY -> RunKind.MIGRATION.word();
      case Phases.SMOKE_TEST -> RunKind.SMOKE.word();
      case Phases.CUTOVER -> RunKind.CUTOVER.word();
      case Phases.VALIDATE -> RunKind.VALIDATE.word();
      case Phases.DECOMMISSION -> RunKind.DECOMMISSION.word();
      default -> phase;
    };
  }

  private boolean upserting() {
    if (upserting == null) {
      upserting = Workflow.getTypedSearchAttributes().containsKey(CONFIG)
          && Workflow.getVersion(CHANGE_ID, Workflow.DEFAULT_VERSION, 1) == 1;
    }
    return upserting;
  }

  private static Map<String, IndexedValueType> required() {
    Map<String, IndexedValueType> all = new LinkedHashMap<>();
    for (SearchAttributeKey<?> key : List.of(CONFIG, KIND, PHASE, OUTCOME, PENDING_GATE)) {
      all.put(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    }
    return java.util.Collections.unmodifiableMap(all);
  }
}
