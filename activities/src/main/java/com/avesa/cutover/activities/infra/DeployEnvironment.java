package com.avesa.cutover.activities.infra;

import com.avesa.cutover.workflows.estate.AccountConfig;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.infra.DeployRequest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The whole environment of a deploy command: nothing of the worker's but {@code PATH} and
 * {@code HOME} — so never the codec keys, the Temporal API key or the worker's own AWS
 * credentials — plus the deployment role's session, where and what to deploy, and the run's
 * {@code AVESA_*} names and ids.
 */
final class DeployEnvironment {
  /** What the command inherits from the worker. */
  static final List<String> FROM_WORKER = List.of("PATH", "HOME");
  /** The target role's session, as every AWS SDK and CLI reads it. */
  static final List<String> CREDENTIALS = List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");

  private DeployEnvironment() {}

  /**
   * {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN} of
   * {@code session}; {@code AWS_REGION}, {@code CDK_DEFAULT_REGION} and {@code CDK_DEFAULT_ACCOUNT}
   * (the target); {@code AWS_ENDPOINT_URL} when the estate has an emulator endpoint; the request's
   * {@code AVESA_*} variables (checked by the caller); the worker's {@code PATH} and {@code HOME}.
   */
  static Map<String, String> of(DeployRequest request, AwsSessionCredentials session, Map<String, String> worker) {
    Estate estate = request.estate();
    Map<String, String> environment = new TreeMap<>(request.environment());
    environment.put("AWS_ACCESS_KEY_ID", session.accessKeyId());
    environment.put("AWS_SECRET_ACCESS_KEY", session.secretAccessKey());
    environment.put("AWS_SESSION_TOKEN", session.sessionToken());
    environment.put("AWS_REGION", estate.region());
    environment.put("CDK_DEFAULT_REGION", estate.region());
    environment.put("CDK_DEFAULT_ACCOUNT", targetAccount(estate.target()));
    if (estate.endpoint() != null && !estate.endpoint().isBlank()) {
      environment.put("AWS_ENDPOINT_URL", estate.endpoint());
    }
    FROM_WORKER.forEach(name -> {
      if (worker.get(name) != null) {
        environment.put(name, worker.get(name));
      }
    });
    return environment;
  }

  /** The variables of {@code request} a run may not set: any but {@link DeployRequest#AVESA_VARIABLES}. */
  static List<String> notAllowed(DeployRequest request) {
    return request.environment().keySet().stream().filter(name -> !DeployRequest.AVESA_VARIABLES.contains(name))
        .sorted().toList();
  }

  /** The target's account id, or the one in its role ARN ({@code arn:aws:iam::ACCOUNT:role/NAME}). */
  private static String targetAccount(AccountConfig target) {
    if (target.accountId() != null) {
      return target.accountId();
    }
    String[] arn = target.roleArn().split(":");
    return arn.length > 4 ? arn[4] : "";
  }
}
