package com.avesa.cutover.activities.baseline;

import com.avesa.cutover.workflows.account.BaselineStep;
import com.avesa.cutover.workflows.account.CreatedResource;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import java.util.ArrayList;
import java.util.List;

/** What one ensure call did, item by item, collected while it works; {@link #step} is its answer. */
final class StepReport {
  static final String CREATED = "created";

  private final List<PhaseItem> changed = new ArrayList<>();
  private final List<PhaseItem> unchanged = new ArrayList<>();
  private final List<CreatedResource> created = new ArrayList<>();

  /** {@code item} did not exist and now does; {@code kind} and {@code id} let compensation remove it. */
  void created(String item, String kind, String id) {
    changed.add(new PhaseItem(item, CREATED));
    created.add(new CreatedResource(kind, id));
  }

  /** {@code item} existed and was modified (not created: compensation leaves it alone). */
  void changed(String item, String detail) {
    changed.add(new PhaseItem(item, detail));
  }

  void inPlace(String item) {
    unchanged.add(new PhaseItem(item, PhaseItem.IN_PLACE));
  }

  /** Found in place, with what was found, e.g. "already in place (enabled)". */
  void inPlace(String item, String state) {
    unchanged.add(new PhaseItem(item, PhaseItem.IN_PLACE + " (" + state + ")"));
  }

  BaselineStep step() {
    return step(null);
  }

  BaselineStep step(String topicArn) {
    return new BaselineStep(List.copyOf(changed), List.copyOf(unchanged), List.copyOf(created), topicArn);
  }
}
