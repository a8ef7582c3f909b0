package com.avesa.cutover.activities.migration;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.activities.testing.TestEstates;
import com.avesa.cutover.workflows.config.SecretFilter;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.migration.SecretsRequest;
import com.avesa.cutover.workflows.migration.SecretsResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

import static org.assertj.core.api.Assertions.assertThat;

class SecretActivitiesImplTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();

  private static final String STRING_VALUE = "{\"privateKey\":\"s3cr3t-acme\"}";
  private static final byte[] BINARY_VALUE = {0, 1, 2, -1, -2, 'k', 'e', 'y'};

  private AwsClients clients;
  private SimpleMeterRegistry registry;
  private SecretActivitiesImpl activities;
  private Estate estate;
  private SecretsManagerClient source;
  private SecretsManagerClient target;

  @BeforeEach
  void setUp() {
    clients = new AwsClients();
    registry = new SimpleMeterRegistry();
    activities = new SecretActivitiesImpl(clients, new MigrationMetrics(registry));
    estate = TestEstates.crossAccount(MOTO.endpoint());
    source = clients.secrets(estate, Side.SOURCE);
    target = clients.secrets(estate, Side.TARGET);
    source.createSecret(b -> b.name("tenant/acme/prod").secretString(STRING_VALUE).description("acme prod")
        .tags(t -> t.key("tenant").value("acme"), t -> t.key("env").value("prod")));
    source.createSecret(b -> b.name("tenant/initech/prod").secretBinary(SdkBytes.fromByteArray(BINARY_VALUE))
        .description("initech prod"));
    source.createSecret(b -> b.name("tenant/acme/dev").secretString("dev-value"));
    source.createSecret(b -> b.name("tenant/acme/eu/prod").secretString("nested-value"));
  }

  @AfterEach
  void tearDown() {
    clients.close();
  }

  @Test
  void copiesStringAndBinarySecretsWithDescriptionAndTagsButNothingOutsideTheFilter() {
    SecretsResult result = activities.copySecrets(request());

    assertThat(result.matched()).isEqualTo(2);
    assertThat(result.copied()).isEqualTo(2);
    assertThat(result.names()).containsExactly("tenant/acme/prod", "tenant/initech/prod");
    assertThat(value("tenant/acme/prod").secretString()).isEqualTo(STRING_VALUE);
    assertThat(value("tenant/initech/prod").secretBinary().asByteArray()).isEqualTo(BINARY_VALUE);
    DescribeSecretResponse acme = target.describeSecret(b -> b.secretId("tenant/acme/prod"));
    assertThat(acme.description()).isEqualTo("acme prod");
    assertThat(acme.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value)))
        .isEqualTo(Map.of("tenant", "acme", "env", "prod"));
    assertThat(target.listSecrets().secretList()).extracting(s -> s.name())
        .containsExactlyInAnyOrder("tenant/acme/prod", "tenant/initech/prod");
    assertThat(registry.get("avesa.secrets.copied").counter().count()).isEqualTo(2);
  }

  @Test
  void planCountsWhatDiffersAndCopyingAgainChangesNothing() {
    assertThat(activities.planSecrets(request()).toCopy()).isEqualTo(2);
    activities.copySecrets(request());

    assertThat(activities.planSecrets(request()).toCopy()).isZero();
    assertThat(activities.copySecrets(request()).copied()).isZero();
    assertThat(activities.verifySecrets(request()).problems()).isEmpty();
  }

  @Test
  void updatesChangedValueDescriptionAndTagsInPlace() {
    activities.copySecrets(request());
    source.putSecretValue(b -> b.secretId("tenant/acme/prod").secretString("rotated"));
    source.updateSecret(b -> b.secretId("tenant/acme/prod").description("acme prod v2"));
    source.untagResource(b -> b.secretId("tenant/acme/prod").tagKeys("env"));

    SecretsResult result = activities.copySecrets(request());

    assertThat(result.copied()).isEqualTo(1);
    assertThat(value("tenant/acme/prod").secretString()).isEqualTo("rotated");
    DescribeSecretResponse acme = target.describeSecret(b -> b.secretId("tenant/acme/prod"));
    assertThat(acme.description()).isEqualTo("acme prod v2");
    assertThat(acme.tags()).extracting(Tag::key).containsExactly("tenant");
  }

  @Test
  void verifyNamesTheSecretAndWhatDiffersWithoutItsValue() {
    activities.copySecrets(request());
    target.putSecretValue(b -> b.secretId("tenant/acme/prod").secretString("tampered-value"));

    SecretsResult result = activities.verifySecrets(request());

    assertThat(result.problems()).containsExactly("secret tenant/acme/prod: value differs");
    assertThat(String.join("\n", result.problems()) + result)
        .doesNotContain("tampered-value").doesNotContain("s3cr3t-acme");
    assertThat(registry.get("avesa.verification.failures").counter().count()).isEqualTo(1);
  }

  private GetSecretValueResponse value(String name) {
    return target.getSecretValue(b -> b.secretId(name));
  }

  private SecretsRequest request() {
    return new SecretsRequest(estate, Side.SOURCE, new SecretFilter(List.of("tenant/*/prod")));
  }
}
