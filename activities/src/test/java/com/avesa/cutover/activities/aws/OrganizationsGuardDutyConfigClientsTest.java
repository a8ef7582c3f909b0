package com.avesa.cutover.activities.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.activities.testing.TestEstates;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.config.model.NoSuchConfigurationRecorderException;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;

/**
 * The Organizations (2.23.0), GuardDuty (2.23.0) and Config (2.24.0) SDK modules on the BOM's
 * core reach the emulator, act as the side asked for, and name AWS's error codes.
 */
class OrganizationsGuardDutyConfigClientsTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();

  private AwsClients clients;
  private Estate estate;

  @BeforeEach
  void open() {
    clients = new AwsClients();
    estate = TestEstates.crossAccount(MOTO.endpoint());
  }

  @AfterEach
  void close() {
    clients.close();
  }

  @Test
  void organizationsAnswersAsTheSourceAccountAndNamesErrorCodes() {
    var organizations = clients.organizations(estate, Side.SOURCE);
    assertThatThrownBy(organizations::describeOrganization)
        .isInstanceOfSatisfying(AwsOrganizationsNotInUseException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AWSOrganizationsNotInUseException");
          assertThat(e.statusCode()).isEqualTo(400);
        });

    organizations.createOrganization(b -> b.featureSet("ALL"));

    assertThat(organizations.describeOrganization().organization().masterAccountId())
        .isEqualTo(TestEstates.SOURCE_ACCOUNT);
  }

  @Test
  void guardDutyActsInTheTargetAccountOnly() {
    assertThat(clients.guardDuty(estate, Side.TARGET).listDetectors().detectorIds()).isEmpty();

    clients.guardDuty(estate, Side.TARGET).createDetector(b -> b.enable(true));

    assertThat(clients.guardDuty(estate, Side.TARGET).listDetectors().detectorIds()).hasSize(1);
    assertThat(clients.guardDuty(estate, Side.SOURCE).listDetectors().detectorIds()).isEmpty();
  }

  @Test
  void configAnswersAndNamesAMissingRecorder() {
    var config = clients.config(estate, Side.TARGET);
    assertThat(config.describeConfigurationRecorders().configurationRecorders()).isEmpty();
    assertThatThrownBy(() -> config.describeConfigurationRecorderStatus(b -> b.configurationRecorderNames("nope")))
        .isInstanceOf(NoSuchConfigurationRecorderException.class);
  }
}
