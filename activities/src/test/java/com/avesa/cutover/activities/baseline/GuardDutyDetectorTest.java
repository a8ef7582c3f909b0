package com.avesa.cutover.activities.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.workflows.account.BaselineStep;
import com.avesa.cutover.workflows.account.CreatedResource;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.guardduty.model.DetectorStatus;

class GuardDutyDetectorTest extends BaselineTestBase {

  @Test
  void createsAnEnabledDetectorThenFindsItInPlace() {
    BaselineStep first = activities.ensureGuardDuty(request(security(1000)));

    CreatedResource detector = handle(first, GuardDutyDetector.KIND);
    assertThat(first.changed()).containsExactly(new PhaseItem("guardduty detector " + detector.id(), "created"));
    assertThat(status(Side.TARGET, detector.id())).isEqualTo(DetectorStatus.ENABLED);

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
    String id = clients.guardDuty(admin, Side.TARGET).createDetector(b -> b.enable(false)).detectorId();

    BaselineStep step = activities.ensureGuardDuty(request(security(1000)));

    assertThat(step.changed()).containsExactly(new PhaseItem("guardduty detector " + id, "enabled (was disabled)"));
    assertThat(step.created()).isEmpty();
    assertThat(status(Side.TARGET, id)).isEqualTo(DetectorStatus.ENABLED);
  }

  @Test
  void removeDeletesTheDetectorAndASecondRemoveIsFine() {
    String id = handle(activities.ensureGuardDuty(request(security(1000))), GuardDutyDetector.KIND).id();

    remove(GuardDutyDetector.KIND, id);
    assertThat(detectorIds(Side.TARGET)).isEmpty();
    remove(GuardDutyDetector.KIND, id);
    assertThat(detectorIds(Side.TARGET)).isEmpty();
  }

  private DetectorStatus status(Side side, String id) {
    return clients.guardDuty(admin, side).getDetector(b -> b.detectorId(id)).status();
  }

  private List<String> detectorIds(Side side) {
    return clients.guardDuty(admin, side).listDetectors().detectorIds();
  }
}
