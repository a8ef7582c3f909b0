package com.avesa.cutover.activities.baseline;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.activities.testing.TestEstates;
import com.avesa.cutover.workflows.account.BaselineRemoval;
import com.avesa.cutover.workflows.account.BaselineRequest;
import com.avesa.cutover.workflows.account.BaselineStep;
import com.avesa.cutover.workflows.account.CreatedResource;
import com.avesa.cutover.workflows.config.SecurityConfig;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tests of {@link SecurityBaselineActivitiesImpl} on moto: fresh clients per test, the
 * cross-account estate as the admin estate (its target acts as {@value TestEstates#TARGET_ACCOUNT}).
 */
abstract class BaselineTestBase {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();

  static final String ACCOUNT = TestEstates.TARGET_ACCOUNT;
  static final String BUCKET = "avesa-audit-logs-" + ACCOUNT;
  static final String TRAIL = "avesa-audit-trail";
  static final String TOPIC = "avesa-alerts";

  AwsClients clients;
  SecurityBaselineActivitiesImpl activities;
  Estate admin;

  @BeforeEach
  void openClients() {
    clients = new AwsClients();
    activities = new SecurityBaselineActivitiesImpl(clients);
    admin = TestEstates.crossAccount(MOTO.endpoint());
  }

  @AfterEach
  void closeClients() {
    clients.close();
  }

  static SecurityConfig security(int threshold, String... emails) {
    return new SecurityConfig(threshold, List.of(emails), BUCKET, TRAIL, TOPIC);
  }

  BaselineRequest request(SecurityConfig security) {
    return request(security, null);
  }

  BaselineRequest request(SecurityConfig security, String topicArn) {
    return new BaselineRequest(admin, ACCOUNT, security, topicArn);
  }

  void remove(String kind, String id) {
    activities.remove(new BaselineRemoval(admin, new CreatedResource(kind, id)));
  }

  /** The step's items as "item: detail", changed and unchanged apart. */
  static List<String> lines(List<PhaseItem> items) {
    return items.stream().map(i -> i.item() + ": " + i.detail()).toList();
  }

  static CreatedResource handle(BaselineStep step, String kind) {
    return step.created().stream().filter(c -> c.kind().equals(kind)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " created in " + step));
  }
}
