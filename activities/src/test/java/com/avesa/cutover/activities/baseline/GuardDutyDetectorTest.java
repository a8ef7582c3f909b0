package com.avesa.cutover.activities.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.activities.SignedJsonCalls;
import com.avesa.cutover.activities.SignedJsonCalls.Service;
import com.avesa.cutover.workflows.account.BaselineStep;
import com.avesa.cutover.workflows.account.CreatedResource;
import com.avesa.cutover.workflows.migration.Side;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;

class GuardDutyDetectorTest extends BaselineTestBase {

  @Test
  void createsAnEnabledDetectorThenFindsItInPlace() {
    BaselineStep first = activities.ensureGuardDuty(request(security(1000)));

    CreatedResource detector = handle(first, GuardDutyDetector.KIND);
    assertThat(first.changed()).containsExactly(new PhaseItem("guardduty detector " + detector.id(), "created"));
    assertThat(detector(Side.TARGET, detector.id()).path("status").asText()).isEqualTo("ENABLED");

    BaselineStep second = activities.ensureGuardDuty(request(security(1000)));
    assertThat(second.changed()).isEmpty();
    assertThat(second.created()).isEmpty();
    assertThat(second.unchanged())
        .containsExactly(new PhaseItem("guardduty detector " + detector.id(), "already in place (enabled)"));
    assertThat(detectorIds(Side.TARGET)).containsExactly(detector.id());
    assertThat(detectorIds(Side.SOURCE)).isEmpty();
  }

  @Test
  void enablesADisabledDetectorWithoutClaimingToHaveCreatedIt() {
    String id = calls.rest(admin, Side.TARGET, Service.GUARDDUTY, SdkHttpMethod.POST, "/detector",
        SignedJsonCalls.body().put("enable", false)).path("detectorId").asText();

    BaselineStep step = activities.ensureGuardDuty(request(security(1000)));

    assertThat(step.changed()).containsExactly(new PhaseItem("guardduty detector " + id, "enabled (was disabled)"));
    assertThat(step.created()).isEmpty();
    assertThat(detector(Side.TARGET, id).path("status").asText()).isEqualTo("ENABLED");
  }

  @Test
  void removeDeletesTheDetectorAndASecondRemoveIsFine() {
    String id = handle(activities.ensureGuardDuty(request(security(1000))), GuardDutyDetector.KIND).id();

    remove(GuardDutyDetector.KIND, id);
    assertThat(detectorIds(Side.TARGET)).isEmpty();
    remove(GuardDutyDetector.KIND, id);
    assertThat(detectorIds(Side.TARGET)).isEmpty();
  }

  private JsonNode detector(Side side, String id) {
    return calls.rest(admin, side, Service.GUARDDUTY, SdkHttpMethod.GET, "/detector/" + id, null);
  }

  private List<String> detectorIds(Side side) {
    List<String> ids = new ArrayList<>();
    calls.rest(admin, side, Service.GUARDDUTY, SdkHttpMethod.GET, "/detector", null)
        .path("detectorIds").forEach(id -> ids.add(id.asText()));
    return ids;
  }
}
