package com.avesa.cutover.activities.baseline;

import com.avesa.cutover.activities.SignedJsonCalls;
import com.avesa.cutover.activities.SignedJsonCalls.Service;
import com.avesa.cutover.workflows.migration.Estate;
import com.avesa.cutover.workflows.migration.Side;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * The target's GuardDuty detector in the estate's region, enabled. GuardDuty allows one detector
 * per account and region, so the first one listed is the one to keep enabled.
 */
final class GuardDutyDetector {
  static final String KIND = "guardduty-detector";
  private static final String ENABLED = "ENABLED";

  private final SignedJsonCalls calls;

  GuardDutyDetector(SignedJsonCalls calls) {
    this.calls = calls;
  }

  void ensure(Estate admin, StepReport report) {
    List<String> ids = detectorIds(admin);
    if (ids.isEmpty()) {
      JsonNode created = BaselineFailures.call("create the GuardDuty detector",
          () -> calls.rest(admin, Side.TARGET, Service.GUARDDUTY, SdkHttpMethod.POST, "/detector",
              SignedJsonCalls.body().put("enable", true)));
      String id = created.path("detectorId").asText();
      report.created(item(id), KIND, id);
      return;
    }
    String id = ids.get(0);
    String status = BaselineFailures.call("read GuardDuty detector " + id,
        () -> calls.rest(admin, Side.TARGET, Service.GUARDDUTY, SdkHttpMethod.GET, "/detector/" + id, null))
        .path("status").asText();
    if (ENABLED.equals(status)) {
      report.inPlace(item(id), "enabled");
      return;
    }
    BaselineFailures.call("enable GuardDuty detector " + id,
        () -> calls.rest(admin, Side.TARGET, Service.GUARDDUTY, SdkHttpMethod.POST, "/detector/" + id,
            SignedJsonCalls.body().put("enable", true)));
    report.changed(item(id), "enabled (was " + status.toLowerCase(Locale.ROOT) + ")");
  }

  /** Deletes detector {@code id}; one the account no longer lists is gone already. */
  void remove(Estate admin, String id) {
    if (!detectorIds(admin).contains(id)) {
      return;
    }
    BaselineFailures.call("delete GuardDuty detector " + id,
        () -> calls.rest(admin, Side.TARGET, Service.GUARDDUTY, SdkHttpMethod.DELETE, "/detector/" + id, null));
  }

  private List<String> detectorIds(Estate admin) {
    JsonNode answer = BaselineFailures.call("list GuardDuty detectors",
        () -> calls.rest(admin, Side.TARGET, Service.GUARDDUTY, SdkHttpMethod.GET, "/detector", null));
    List<String> ids = new ArrayList<>();
    answer.path("detectorIds").forEach(id -> ids.add(id.asText()));
    return ids;
  }

  private static String item(String id) {
    return "guardduty detector " + id;
  }
}
