package com.avesa.cutover.activities.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.activities.AwsClients;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.workflows.migration.Estate;
import com.avesa.cutover.workflows.migration.Side;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DemoEstateTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();

  @Test
  void seedsBothAccountsAndSaysWhatItSeeded() {
    String summary = DemoEstate.seed(MOTO.endpoint(), MotoExtension.REGION, 6);

    int objects = 3 * 6 + DemoEstate.AWKWARD_KEYS.size();
    assertThat(summary).startsWith("seeded 3 tenants: " + objects + " objects").contains("15 items in 2 tables")
        .contains("6 secrets (3 match tenant/*/prod)");
    Estate estate = DemoEstate.estate(MOTO.endpoint(), MotoExtension.REGION);
    try (AwsClients clients = new AwsClients()) {
      assertThat(clients.s3(estate, Side.SOURCE).listObjectsV2(b -> b.bucket(DemoEstate.SOURCE_BUCKET)).keyCount())
          .isEqualTo(objects);
      assertThat(clients.dynamoDb(estate, Side.SOURCE).listTables().tableNames())
          .containsExactlyInAnyOrder("TenantServices-prod", "LastUpdated-prod");
      assertThat(clients.secrets(estate, Side.SOURCE).listSecrets().secretList()).hasSize(6);
      String trust = clients.iam(estate, Side.TARGET).getRole(b -> b.roleName(DemoEstate.ROLE_NAME)).role()
          .assumeRolePolicyDocument();
      assertThat(URLDecoder.decode(trust, StandardCharsets.UTF_8))
          .contains("sts:ExternalId").contains(DemoEstate.EXTERNAL_ID).contains("123456789012");
      assertThat(clients.sts(estate, Side.TARGET).getCallerIdentity().account()).isEqualTo(DemoEstate.TARGET_ACCOUNT);
    }
  }

  @Test
  void configYamlParsesAndDescribesTheDemoMigration() throws Exception {
    JsonNode config = new ObjectMapper(new YAMLFactory()).readTree(DemoEstate.configYaml("http://127.0.0.1:5000", "us-east-1"));

    assertThat(config.path("name").asText()).isEqualTo("avesa-demo");
    assertThat(config.path("endpoint").asText()).isEqualTo("http://127.0.0.1:5000");
    assertThat(config.path("source").path("accountId").asText()).isEqualTo("123456789012");
    assertThat(config.path("target").path("roleArn").asText()).isEqualTo("arn:aws:iam::987654321098:role/AVESADeploymentRole");
    assertThat(config.path("target").path("externalId").asText()).isEqualTo("avesa-deployment-key");
    assertThat(config.path("data").path("buckets").get(0).path("target").asText()).isEqualTo("data-storage-msp-prod");
    assertThat(config.path("data").path("tables").findValuesAsText("target")).containsExactly("TenantServices", "LastUpdated");
    assertThat(config.path("data").path("secrets").path("include").get(0).asText()).isEqualTo("tenant/*/prod");
  }
}
