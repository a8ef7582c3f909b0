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
  private static final String ASSUME_ROLE = "sts:AssumeRole";
  /** Every action that assumes a role; only the first takes an ExternalId. */
  static final List<String> ASSUME_ACTIONS =
      List.of(ASSUME_ROLE, "sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML");

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

  /**
   * What is wrong with {@code document} (as IAM returns it: maybe URL-encoded); empty when it is
   * right. Every Allow statement that grants any way to assume the role counts — its actions and
   * {@code NotAction} read with IAM's wildcards, so {@code sts:*}, {@code *} and
   * {@code sts:AssumeRole*} grant it too — and anything in one that lets someone other than the
   * source account, or the source without the ExternalId, assume the role is reported:
   * {@code NotPrincipal} (everyone but the named), another principal, web identity or SAML
   * federation (no ExternalId there), a missing or different ExternalId.
   */
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
      List<String> granted = assumeActionsGranted(statement);
      if (!"Allow".equals(statement.path("Effect").asText()) || granted.isEmpty()) {
        continue;
      }
      for (String federated : granted.stream().filter(a -> !a.equals(ASSUME_ROLE)).toList()) {
        problems.add("its trust policy allows " + federated + ", which takes no ExternalId (only " + ASSUME_ROLE
            + " by the source account may be allowed)");
      }
      if (statement.has("NotPrincipal")) {
        problems.add("its trust policy lets everyone but the principals it names assume it (Allow with NotPrincipal;"
            + " only " + root(sourceAccountId) + " may assume it)");
      }
      for (String principal : principals(statement.path("Principal"))) {
        if (principal.equals(root(sourceAccountId)) || principal.equals("AWS " + sourceAccountId)) {
          sourceAllowed |= granted.contains(ASSUME_ROLE);
        } else {
          problems.add("its trust policy also trusts " + principal + " (only " + root(sourceAccountId)
              + " may assume it)");
        }
      }
      List<String> required = externalIds(statement.path("Condition"));
      if (!granted.contains(ASSUME_ROLE)) {
        continue;
      }
      if (required.isEmpty()) {
        problems.add("its trust policy does not require the ExternalId (no StringEquals sts:ExternalId condition)");
      } else if (!required.equals(List.of(externalId))) {
        problems.add("its trust policy requires a different ExternalId than target.externalId");
      }
    }
    if (!sourceAllowed) {
      problems.add("its trust policy does not let the source account " + sourceAccountId + " assume it");
    }
    return problems.stream().distinct().toList();
  }

  /** IAM answers policy documents URL-encoded; emulators may not. */
  static String decoded(String document) {
    return document.trim().startsWith("{") ? document : URLDecoder.decode(document, StandardCharsets.UTF_8);
  }

  private static String root(String accountId) {
    return "arn:aws:iam::" + accountId + ":root";
  }

  /**
   * The ways to assume a role {@code statement} grants, whatever its effect: those its
   * {@code Action} matches, or with {@code NotAction} those it does not exclude.
   */
  static List<String> assumeActionsGranted(JsonNode statement) {
    boolean not = !statement.has("Action") && statement.has("NotAction");
    List<String> patterns = list(statement.path(not ? "NotAction" : "Action")).stream().map(JsonNode::asText).toList();
    return ASSUME_ACTIONS.stream()
        .filter(action -> not != patterns.stream().anyMatch(pattern -> IamWildcard.matches(pattern, action)))
        .toList();
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

  /**
   * The ExternalIds a {@code StringEquals} condition requires (condition keys are case-insensitive
   * in IAM). Any other operator ({@code StringLike}, {@code ...IfExists}) does not count: it would
   * match more than the one value, or nothing at all when the key is absent.
   */
  private static List<String> externalIds(JsonNode condition) {
    List<String> values = new ArrayList<>();
    condition.path("StringEquals").fields().forEachRemaining(key -> {
      if (key.getKey().equalsIgnoreCase("sts:ExternalId")) {
        list(key.getValue()).forEach(value -> values.add(value.asText()));
      }
    });
    return values;
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
