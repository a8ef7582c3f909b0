package com.avesa.cutover.activities.cutover;

import com.avesa.cutover.activities.testing.Failed;
import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.activities.testing.TestEstates;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.cutover.RuleChange;
import com.avesa.cutover.workflows.cutover.RuleStates;
import com.avesa.cutover.workflows.cutover.RulesRequest;
import com.avesa.cutover.workflows.estate.Side;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.RuleState;

class CutoverRulesTest extends CutoverTestBase {
  static final String INGESTION = "ConnectWiseIngestionSchedule";
  static final String TRANSFORM = "CanonicalTransformTicketsSchedule";
  static final List<String> RULES = List.of(INGESTION, TRANSFORM);

  @Test
  void disablingThenEnablingSourceRulesRoundTripsTheirState() {
    putRules(Side.SOURCE, RuleState.ENABLED);

    activities.setRulesEnabled(new RuleChange(estate, Side.SOURCE, RULES, false));
    RuleStates disabled = activities.describeRules(new RulesRequest(estate, Side.SOURCE, RULES));
    activities.setRulesEnabled(new RuleChange(estate, Side.SOURCE, RULES, true));
    RuleStates enabled = activities.describeRules(new RulesRequest(estate, Side.SOURCE, RULES));

    assertThat(disabled.enabled()).isEmpty();
    assertThat(disabled.disabled()).containsExactly(INGESTION, TRANSFORM);
    assertThat(enabled.enabled()).containsExactly(INGESTION, TRANSFORM);
    assertThat(enabled.disabled()).isEmpty();
  }

  @Test
  void changesOnlyTheNamedRulesOnTheNamedSide() {
    putRules(Side.SOURCE, RuleState.ENABLED);
    putRules(Side.TARGET, RuleState.DISABLED);

    activities.setRulesEnabled(new RuleChange(estate, Side.TARGET, List.of(INGESTION), true));

    assertThat(activities.describeRules(new RulesRequest(estate, Side.TARGET, RULES)))
        .isEqualTo(new RuleStates(List.of(INGESTION), List.of(TRANSFORM)));
    assertThat(activities.describeRules(new RulesRequest(estate, Side.SOURCE, RULES)).enabled())
        .containsExactly(INGESTION, TRANSFORM);
  }

  @Test
  void settingARuleToTheStateItHasIsANoOp() {
    putRules(Side.TARGET, RuleState.DISABLED);

    activities.setRulesEnabled(new RuleChange(estate, Side.TARGET, RULES, false));
    activities.setRulesEnabled(new RuleChange(estate, Side.TARGET, RULES, false));

    assertThat(activities.describeRules(new RulesRequest(estate, Side.TARGET, RULES)).disabled())
        .containsExactly(INGESTION, TRANSFORM);
  }

  @Test
  void describingARuleThatDoesNotExistFailsNonRetryablyNamingRuleAndAccount() {
    putRules(Side.SOURCE, RuleState.ENABLED);

    String message = Failed.nonRetryably(FailureType.NOT_FOUND, () -> activities.describeRules(
        new RulesRequest(estate, Side.TARGET, List.of(INGESTION))));

    assertThat(message).contains("rule " + INGESTION).contains("target account " + TestEstates.TARGET_ACCOUNT);
  }

  @Test
  void enablingARuleThatDoesNotExistFailsNonRetryably() {
    Failed.nonRetryably(FailureType.NOT_FOUND,
        () -> activities.setRulesEnabled(new RuleChange(estate, Side.SOURCE, List.of("NoSuchSchedule"), true)));
  }

  private void putRules(Side side, RuleState state) {
    for (String rule : RULES) {
      clients.eventBridge(estate, side).putRule(b -> b.name(rule).scheduleExpression("rate(1 hour)").state(state));
    }
  }
}
