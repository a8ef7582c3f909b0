package com.avesa.cutover.activities.baseline;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.guardduty.model.DetectorStatus;

/**
 * The target's GuardDuty detector in the estate's region, enabled. GuardDuty allows one detector
 * per account and region, so the first one listed is the one to keep enabled.
 */
final class GuardDutyDetector {
  static final String KIND = "guardduty-detector";

  private final AwsClients clients;

  GuardDutyDetector(AwsClients clients) {
    this.clients = clients;
  }

  void ensure(Estate admin, StepReport report) {
    GuardDutyClient guardDuty = clients.guardDuty(admin, Side.TARGET);
    List<String> ids = detectorIds(guardDuty);
    if (ids.isEmpty()) {
      String id = BaselineFailures.call("create the GuardDuty detector",
          () -> guardDuty.createDetector(b -> b.enable(true)).detectorId());
      report.created(item(id), KIND, id);
      return;
    }
    String id = ids.get(0);
    DetectorStatus status = BaselineFailures.call("read GuardDuty detector " + id,
        () -> guardDuty.getDetector(b -> b.detectorId(id)).status());
    if (status == DetectorStatus.ENABLED) {
      report.inPlace(item(id), "enabled");
      return;
    }
    BaselineFailures.run("enable GuardDuty detector " + id,
        () -> guardDuty.updateDetector(b -> b.detectorId(id).enable(true)));
    report.changed(item(id), "enabled (was " + String.valueOf(status).toLowerCase(Locale.ROOT) + ")");
  }

  /** Deletes detector {@code id}; one the account no longer lists is gone already. */
  void remove(Estate admin, String id) {
    GuardDutyClient guardDuty = clients.guardDuty(admin, Side.TARGET);
    if (!detectorIds(guardDuty).contains(id)) {
      return;
    }
    BaselineFailures.run("delete GuardDuty detector " + id, () -> guardDuty.deleteDetector(b -> b.detectorId(id)));
  }

  private static List<String> detectorIds(GuardDutyClient guardDuty) {
    return BaselineFailures.call("list GuardDuty detectors",
        () -> guardDuty.listDetectorsPaginator(b -> {}).detectorIds().stream().toList());
  }

  private static String item(String id) {
    return "guardduty detector " + id;
  }
}
