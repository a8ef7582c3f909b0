package com.avesa.cutover.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The format rules of single values in the configuration file; each broken rule adds a problem. */
final class ConfigRules {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final int MAX_NAME = 200;
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z0-9]+)+-\\d+");
  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
  private static final Pattern ROLE_ARN =
      Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):role/[\\w+=,.@/-]{1,512}");
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
  private static final Pattern EVENT_RULE = Pattern.compile("[.\\-_A-Za-z0-9]{1,64}");
  private static final Pattern HOSTED_ZONE_ID = Pattern.compile("[A-Z0-9]{1,32}");
  private static final String HOSTED_ZONE_PREFIX = "/hostedzone/";
  private static final Pattern TOPIC_ARN =
      Pattern.compile("arn:aws[a-z-]*:sns:" + REGION.pattern() + ":\\d{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?");

  private final List<String> problems;

  ConfigRules(List<String> problems) {
    this.problems = problems;
  }

  void checkName(String name) {
    checkName("name", name);
  }

  /** A name that becomes (part of) a workflow or schedule id. */
  void checkName(String path, String name) {
    if (name != null && (!NAME.matcher(name).matches() || name.length() > MAX_NAME)) {
      problems.add(path + ": '" + name + "' cannot be used in workflow ids: use letters, digits, '.', '_' "
          + "and '-', starting with a letter or digit (at most " + MAX_NAME + " characters), e.g. avesa-prod");
    }
  }

  void checkRegion(String region) {
    if (region != null && !REGION.matcher(region).matches()) {
      problems.add("region: '" + region + "' is not an AWS region code (e.g. us-east-1)");
    }
  }

  void checkEndpoint(String endpoint) {
    if (endpoint == null) {
      return;
    }
    String fix = " (an http or https URL such as http://127.0.0.1:5000; remove it for real AWS)";
    try {
      URI uri = new URI(endpoint);
      String scheme = uri.getScheme();
      if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          || uri.getHost() == null) {
        problems.add("endpoint: '" + endpoint + "' is not a URL" + fix);
      }
    } catch (URISyntaxException e) {
      problems.add("endpoint: '" + endpoint + "' is not a URL" + fix);
    }
  }

  /**
   * The account id at {@code path}: a quoted string of 12 digits, or an unquoted number that has
   * 12 digits (YAML drops the leading zeros of unquoted numbers, so shorter ones are refused).
   */
  String accountId(JsonNode node, String path) {
    if (node == null || node.isNull() || (node.isTextual() && node.textValue().isBlank())) {
      problems.add(path + ": required (the 12-digit AWS account id, in quotes)");
      return null;
    }
    String fix = " (the 12-digit AWS account id, in quotes: \"123456789012\")";
    if (node.isIntegralNumber()) {
      String digits = node.bigIntegerValue().toString();
      if (ACCOUNT_ID.matcher(digits).matches()) {
        return digits;
      }
      problems.add(path + ": " + digits + " is not 12 digits" + fix);
      return null;
    }
    if (!node.isTextual()) {
      problems.add(path + ": must be a string, got " + YamlFields.kind(node) + fix);
      return null;
    }
    String id = node.textValue().trim();
    if (!ACCOUNT_ID.matcher(id).matches()) {
      problems.add(path + ": '" + id + "' is not 12 digits" + fix);
      return null;
    }
    return id;
  }

  /** {@code arn} must be an IAM role ARN. */
  void checkRoleArn(String path, String arn) {
    if (arn != null && !ROLE_ARN.matcher(arn).matches()) {
      problems.add(path + ": '" + arn + "' is not a role ARN (arn:aws:iam::<12 digits>:role/<name>)");
    }
  }

  void checkRole(String side, String accountId, String roleArn, String externalId) {
    if (roleArn != null) {
      Matcher arn = ROLE_ARN.matcher(roleArn);
      if (!arn.matches()) {
        problems.add(side + ".roleArn: '" + roleArn + "' is not a role ARN "
            + "(arn:aws:iam::<12 digits>:role/<name>)");
      } else if (accountId != null && !arn.group(1).equals(accountId)) {
        problems.add(side + ".roleArn: the role is in account " + arn.group(1) + " but " + side
            + ".accountId is " + accountId + ": the role must be in the account it gives access to");
      }
    }
    if ("target".equals(side) && roleArn != null && externalId == null) {
      problems.add("target.externalId: required when target.roleArn is set "
          + "(the ExternalId the role's trust policy requires)");
    }
    if (roleArn == null && externalId != null) {
      problems.add(side + ".externalId: set but " + side + ".roleArn is not: add the role to assume "
          + "with this ExternalId, or remove externalId");
    }
  }

  void checkBucketName(String path, String name) {
    if (name == null) {
      return;
    }
    boolean valid = BUCKET.matcher(name).matches()
        && !name.contains("..")
        && !IPV4.matcher(name).matches()
        && !name.startsWith("xn--")
        && !name.startsWith("sthree-")
        && !name.endsWith("-s3alias")
        && !name.endsWith("--ol-s3");
    if (!valid) {
      problems.add(path + ": '" + name + "' is not a valid S3 bucket name (3-63 characters: lowercase "
          + "letters, digits, '.' and '-', starting and ending with a letter or digit)");
    }
  }

  void checkTableName(String path, String name) {
    if (name != null && !TABLE.matcher(name).matches()) {
      problems.add(path + ": '" + name + "' is not a valid DynamoDB table name "
          + "(3-255 characters: letters, digits, '_', '-' and '.')");
    }
  }

  /** Two mappings writing into the same target would overwrite each other's data. */
  void checkDistinctTargets(String path, List<String> targets) {
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < targets.size(); i++) {
      String target = targets.get(i);
      if (target == null) {
        continue;
      }
      Integer earlier = first.putIfAbsent(target, i);
      if (earlier != null) {
        problems.add(path + "[" + i + "].target: " + target + " is already the target of "
            + path + "[" + earlier + "]");
      }
    }
  }

  void checkRuleName(String path, String name) {
    if (name != null && !EVENT_RULE.matcher(name).matches()) {
      problems.add(path + ": '" + name + "' is not an EventBridge rule name "
          + "(1-64 characters: letters, digits, '.', '-' and '_')");
    }
  }

  /** The bare id of a Route53 hosted zone given as {@code Z123} or {@code /hostedzone/Z123}. */
  String hostedZoneId(String path, String id) {
    if (id == null) {
      return null;
    }
    String bare = id.startsWith(HOSTED_ZONE_PREFIX) ? id.substring(HOSTED_ZONE_PREFIX.length()) : id;
    if (!HOSTED_ZONE_ID.matcher(bare).matches()) {
      problems.add(path + ": '" + id + "' is not a Route53 hosted zone id "
          + "(uppercase letters and digits, e.g. Z123 or /hostedzone/Z123)");
      return null;
    }
    return bare;
  }

  void checkTopicArn(String path, String arn) {
    if (arn != null && !TOPIC_ARN.matcher(arn).matches()) {
      problems.add(path + ": '" + arn + "' is not an SNS topic ARN (arn:aws:sns:<region>:<12 digits>:<name>)");
    }
  }

  /**
   * The alarms must be read at least once while monitoring, and the window must hold the switch,
   * the monitoring and a full rollback. A null duration was already reported and is not compared.
   */
  void checkTimings(Duration window, Duration monitorFor, Duration checkEvery, Duration rollbackBudget) {
    if (checkEvery != null && monitorFor != null && checkEvery.compareTo(monitorFor) > 0) {
      problems.add("cutover.checkEvery: " + checkEvery + " is longer than cutover.monitorFor " + monitorFor
          + ": the alarms must be read at least once while monitoring (make checkEvery at most " + monitorFor
          + ", or monitorFor longer)");
    }
    if (window == null || monitorFor == null || rollbackBudget == null) {
      return;
    }
    Duration needed = monitorFor.plus(rollbackBudget);
    if (window.compareTo(needed) <= 0) {
      problems.add("cutover.window: " + window + " is not longer than cutover.monitorFor + cutover.rollbackBudget ("
          + monitorFor + " + " + rollbackBudget + " = " + needed + "): no time is left for the switch itself "
          + "(make the window longer than " + needed + ", or shorten monitorFor or rollbackBudget)");
    }
  }
}
