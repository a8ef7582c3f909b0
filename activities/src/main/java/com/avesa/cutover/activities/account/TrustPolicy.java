package com.avesa.cutover.activities.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The deployment role's trust policy: who may assume it. The runbook's rule is the source
 * account's root only, and only with the ExternalId. {@link #document} writes it; {@link #problems}
 * checks one found on an existing role (never rewritten: a person decides).
 */
final class TrustPolicy {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TrustPolicy() {}

  static String document(String sourceAccountId, String externalId) {
    ObjectNode statement = JSON.createObjectNode()
        .put("Effect", "Allow")
        .set("Principal", JSON.createObjectNode().put("AWS", root(sourceAccountId)));
    statement.put("Action", "sts:AssumeRole");
    statement.putObject("Condition").putObject("StringEquals").put("sts:ExternalId", externalId);
    ObjectNode policy = JSON.createObjectNode().put("Version", "2012-10-17");
    policy.putArray("Statement").add(statement);
    return policy.toString();
  }

  /** What is wrong with {@code document} (as IAM returns it: maybe URL-encoded); empty when it is right. */
  static List<String> problems(String document, String sourceAccountId, String externalId) {
    JsonNode policy;
    try {
      policy = JSON.readTree(decoded(document));
    } catch (JsonProcessingException e) {
      return List.of("its trust policy cannot be read: " + e.getOriginalMessage());
    }
    List<String> problems = new ArrayList<>();
    boolean sourceAllowed = false;
    for (JsonNode statement : list(policy.path("Statement"))) {
      if (!"Allow".equals(statement.path("Effect").asText()) || !allowsAssumeRole(statement)) {
        continue;
      }
      for (String principal : principals(statement.path("Principal"))) {
        if (principal.equals(root(sourceAccountId)) || principal.equals("AWS " + sourceAccountId)) {
          sourceAllowed = true;
        } else {
          problems.add("its trust policy also trusts " + principal + " (only " + root(sourceAccountId)
              + " may assume it)");
        }
      }
      List<String> required = externalIds(statement.path("Condition"));
      if (required.isEmpty()) {
        problems.add("its trust policy does not require the ExternalId (no StringEquals sts:ExternalId condition)");
      } else if (!required.equals(List.of(externalId))) {
        problems.add("its trust policy requires a different ExternalId than target.externalId");
      }
    }
    if (!sourceAllowed) {
      problems.add("its trust policy does not let the source account " + sourceAccountId + " assume it");
    }
    return problems;
  }

  /** IAM answers policy documents URL-encoded; emulators may not. */
  static String decoded(String document) {
    return document.trim().startsWith("{") ? document : URLDecoder.decode(document, StandardCharsets.UTF_8);
  }

  private static String root(String accountId) {
    return "arn:aws:iam::" + accountId + ":root";
  }

  private static boolean allowsAssumeRole(JsonNode statement) {
    return list(statement.path("Action")).stream().map(JsonNode::asText)
        .anyMatch(a -> a.equals("sts:AssumeRole") || a.equals("sts:*") || a.equals("*"));
  }

  /** Each principal as an ARN, or "{type} {value}" for the shorthand and other types ("*" stays "*"). */
  private static List<String> principals(JsonNode principal) {
    if (principal.isTextual()) {
      return List.of(principal.asText());
    }
    List<String> all = new ArrayList<>();
    principal.fields().forEachRemaining(type -> list(type.getValue()).forEach(value ->
        all.add(value.asText().startsWith("arn:") ? value.asText() : type.getKey() + " " + value.asText())));
    return all;
  }

  private static List<String> externalIds(JsonNode condition) {
    JsonNode value = condition.path("StringEquals").path("sts:ExternalId");
    return list(value).stream().map(JsonNode::asText).toList();
  }

  private static List<JsonNode> list(JsonNode node) {
    List<JsonNode> items = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(items::add);
    } else if (!node.isMissingNode() && !node.isNull()) {
      items.add(node);
    }
    return items;
  }
}
