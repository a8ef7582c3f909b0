package com.avesa.cutover.activities.cutover;

import com.avesa.cutover.activities.aws.Failures;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * The Lambda functions EventBridge rules on one account's default event bus start (their targets),
 * each once, in the order the rules name them; other targets are kept by ARN. Read-only.
 */
final class RuleFunctions {
  private final EventBridgeClient eventBridge;
  private final String where;

  /** @param where the side and account for messages, e.g. {@code source account 123456789012} */
  RuleFunctions(EventBridgeClient eventBridge, String where) {
    this.eventBridge = eventBridge;
    this.where = where;
  }

  /** The targets of {@code rules}: Lambda function names, and every other target's ARN. */
  Targets of(List<String> rules) {
    Set<String> functions = new LinkedHashSet<>();
    Set<String> others = new LinkedHashSet<>();
    for (String rule : rules) {
      String token = null;
      do {
        String next = token;
        ListTargetsByRuleResponse page = Failures.classified("list targets of rule " + rule + " (" + where
            + ", default event bus)", () -> eventBridge.listTargetsByRule(b -> b.rule(rule).nextToken(next)));
        for (Target target : page.targets()) {
          String function = functionName(target.arn());
          if (function == null) {
            others.add(target.arn());
          } else {
            functions.add(function);
          }
        }
        token = page.nextToken();
      } while (token != null && !token.isEmpty());
    }
    return new Targets(new ArrayList<>(functions), new ArrayList<>(others));
  }

  /** {@code NAME} of {@code arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]}, else null. */
  static String functionName(String arn) {
    String[] parts = arn == null ? new String[0] : arn.split(":");
    return parts.length >= 7 && "lambda".equals(parts[2]) && "function".equals(parts[5]) ? parts[6] : null;
  }

  record Targets(List<String> functions, List<String> others) {}
}
