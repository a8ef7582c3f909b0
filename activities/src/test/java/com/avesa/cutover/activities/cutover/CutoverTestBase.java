package com.avesa.cutover.activities.cutover;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.activities.testing.TestEstates;
import com.avesa.cutover.workflows.estate.Estate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tests of {@link CutoverActivitiesImpl} on moto: fresh clients and activities per test, the cross-account estate. */
abstract class CutoverTestBase {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();

  AwsClients clients;
  CutoverActivitiesImpl activities;
  Estate estate;

  @BeforeEach
  void openClients() {
    clients = new AwsClients();
    activities = new CutoverActivitiesImpl(clients);
    estate = TestEstates.crossAccount(MOTO.endpoint());
  }

  @AfterEach
  void closeClients() {
    clients.close();
  }
}
