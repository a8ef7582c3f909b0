package com.avesa.cutover.workflows.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a deploy command learns about its run: names and ids, never credentials. */
class DeployRequestTest {

  @Test
  void describesTheRunsAccountsAndEndpoint() {
    Map<String, String> environment = DeployRequest.describe(InfraFixtures.config(null));

    assertThat(environment).containsExactlyInAnyOrderEntriesOf(Map.of(
        "AVESA_CONFIG_NAME", "avesa-test",
        "AVESA_REGION", "us-east-1",
        "AVESA_ENDPOINT", "http://127.0.0.1:5000",
        "AVESA_SOURCE_ACCOUNT_ID", "123456789012",
        "AVESA_TARGET_ACCOUNT_ID", "987654321098",
        "AVESA_TARGET_ROLE_ARN", "arn:aws:iam::987654321098:role/AVESADeploymentRole"));
    assertThat(environment.values()).doesNotContain("ext-id");
  }
}
