package com.avesa.cutover.activities.migration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * One secret: compares it with its namesake on the other side (value digest, description, tags)
 * and copies what differs. Values are read into {@link SecretValue}s and written straight back;
 * differences are described in words, never with values.
 */
final class SecretSync {
  private final SecretsManagerClient from;
  private final SecretsManagerClient to;
  private final WriteRateLimiter writes;

  /** What differs, in words (empty: identical); {@code missing} when the other side lacks it. */
  record Comparison(String name, boolean missing, List<String> differences) {
    boolean identical() {
      return differences.isEmpty();
    }
  }

  SecretSync(SecretsManagerClient from, SecretsManagerClient to, WriteRateLimiter writes) {
    this.from = from;
    this.to = to;
    this.writes = writes;
  }

  Comparison compare(SecretListEntry source) {
    Optional<DescribeSecretResponse> copy = describe(source.name());
    if (copy.isEmpty() || copy.get().deletedDate() != null) {
      return new Comparison(source.name(), true, List.of("missing"));
    }
    List<String> differences = new ArrayList<>();
    if (!valueOf(from, source.name()).digest().equals(valueOf(to, source.name()).digest())) {
      differences.add("value differs");
    }
    if (!Objects.equals(emptyToNull(source.description()), emptyToNull(copy.get().description()))) {
      differences.add("description differs");
    }
    if (!tags(source.tags()).equals(tags(copy.get().tags()))) {
      differences.add("tags differ");
    }
    return new Comparison(source.name(), false, differences);
  }

  /** Makes the other side's secret equal to {@code source}; returns false when it already was. */
  boolean copy(SecretListEntry source) {
    String name = source.name();
    Optional<DescribeSecretResponse> copy = describe(name);
    SecretValue value = valueOf(from, name);
    if (copy.isEmpty()) {
      writes.acquire();
      to.createSecret(b -> b
          .name(name)
          .description(source.description())
          .secretString(value.string())
          .secretBinary(value.binary())
          .tags(source.hasTags() ? source.tags() : List.of()));
      return true;
    }
    boolean changed = false;
    if (copy.get().deletedDate() != null) {
      writes.acquire();
      to.restoreSecret(b -> b.secretId(name));
      changed = true;
    }
    if (!value.digest().equals(valueOf(to, name).digest())) {
      writes.acquire();
      to.putSecretValue(b -> b.secretId(name).secretString(value.string()).secretBinary(value.binary()));
      changed = true;
    }
    if (!Objects.equals(emptyToNull(source.description()), emptyToNull(copy.get().description()))) {
      writes.acquire();
      to.updateSecret(b -> b.secretId(name).description(source.description() == null ? "" : source.description()));
      changed = true;
    }
    return syncTags(name, tags(source.tags()), tags(copy.get().tags())) || changed;
  }

  private boolean syncTags(String name, Map<String, String> wanted, Map<String, String> present) {
    boolean changed = false;
    List<String> removed = present.keySet().stream().filter(key -> !wanted.containsKey(key)).toList();
    if (!removed.isEmpty()) {
      writes.acquire();
      to.untagResource(b -> b.secretId(name).tagKeys(removed));
      changed = true;
    }
    List<Tag> added = wanted.entrySet().stream()
        .filter(e -> !e.getValue().equals(present.get(e.getKey())))
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
        .toList();
    if (!added.isEmpty()) {
      writes.acquire();
      to.tagResource(b -> b.secretId(name).tags(added));
      changed = true;
    }
    return changed;
  }

  private Optional<DescribeSecretResponse> describe(String name) {
    try {
      return Optional.of(to.describeSecret(b -> b.secretId(name)));
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
  }

  private static SecretValue valueOf(SecretsManagerClient client, String name) {
    return SecretValue.of(client.getSecretValue(b -> b.secretId(name)));
  }

  private static Map<String, String> tags(List<Tag> tags) {
    Map<String, String> result = new HashMap<>();
    if (tags != null) {
      tags.forEach(tag -> result.put(tag.key(), tag.value()));
    }
    return result;
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
