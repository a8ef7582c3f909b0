package com.avesa.cutover.activities.tenants;

import com.avesa.cutover.activities.aws.Failures;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * A tenant's {@code tenant/{id}/{env}} secret: a JSON object whose keys are service names and
 * whose values are that service's credentials. Values stay inside this class; what it returns and
 * throws names the secret and the service only.
 */
final class TenantSecret {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SecretsManagerClient secrets;

  TenantSecret(SecretsManagerClient secrets) {
    this.secrets = secrets;
  }

  /** Sets {@code service}'s entry of secret {@code name} to {@code credentials}, keeping every other entry. */
  TenantChanges merge(String name, String service, ObjectNode credentials) {
    String item = "secret " + name;
    Optional<ObjectNode> current = current(name);
    if (current.isEmpty()) {
      ObjectNode value = JSON.createObjectNode().set(service, credentials);
      call("create " + item, () -> secrets.createSecret(b -> b.name(name).secretString(write(value))));
      return TenantChanges.changed(new PhaseItem(item, "created with " + service + " credentials"));
    }
    ObjectNode value = current.get();
    JsonNode previous = value.get(service);
    if (credentials.equals(previous)) {
      return TenantChanges.unchanged(new PhaseItem(item, service + " credentials " + PhaseItem.IN_PLACE));
    }
    value.set(service, credentials);
    call("update " + item, () -> secrets.putSecretValue(b -> b.secretId(name).secretString(write(value))));
    return TenantChanges.changed(new PhaseItem(item, service + " credentials " + (previous == null ? "added" : "replaced")));
  }

  private Optional<ObjectNode> current(String name) {
    String text;
    try {
      text = secrets.getSecretValue(b -> b.secretId(name)).secretString();
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    } catch (InvalidRequestException e) {
      throw new TenantSetupException("secret " + name + " cannot be read (" + Failures.awsMessage(e) + "); if it is scheduled "
          + "for deletion, restore it with `aws secretsmanager restore-secret --secret-id " + name + "` first");
    } catch (SdkException e) {
      throw refused("read secret " + name, e);
    }
    try {
      JsonNode node = text == null ? null : JSON.readTree(text);
      if (node instanceof ObjectNode object) {
        return Optional.of(object);
      }
    } catch (JsonProcessingException e) {
      // The parser's message quotes the value: fall through to a message without it.
    }
    throw new TenantSetupException("secret " + name + " does not hold a JSON object of service credentials: "
        + "fix it in Secrets Manager (or delete it) before adding services");
  }

  private static <T> T call(String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      throw refused(what, e);
    }
  }

  private static String write(ObjectNode value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the secret as JSON", e);
    }
  }

  /** An AWS error as a {@link TenantSetupException}: the call, AWS's error code and message, no payload. */
  static TenantSetupException refused(String what, SdkException e) {
    String where = e instanceof AwsServiceException aws && aws.statusCode() == 403
        ? ": access denied in the target account: " : ": the target account answered: ";
    return new TenantSetupException(what + where + Failures.awsMessage(e));
  }
}
