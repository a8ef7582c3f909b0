package com.avesa.cutover.worker;

import io.temporal.common.WorkerDeploymentVersion;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Worker Deployment Version this worker polls as, from {@code AVESA_DEPLOYMENT_NAME} and
 * {@code AVESA_BUILD_ID} (or {@code --deployment-name} and {@code --build-id}, which win). Both set
 * turns Worker Versioning on; neither keeps the unversioned worker; one alone is a settings error.
 *
 * @param deploymentName the deployment, the same for every build of this worker (e.g. {@code avesa-cutover})
 * @param buildId this build (e.g. a release number or git commit)
 */
public record WorkerDeployment(String deploymentName, String buildId) {
  public static final String AVESA_DEPLOYMENT_NAME = "AVESA_DEPLOYMENT_NAME";
  public static final String AVESA_BUILD_ID = "AVESA_BUILD_ID";
  public static final String DEPLOYMENT_NAME_FLAG = "--deployment-name";
  public static final String BUILD_ID_FLAG = "--build-id";

  // The server joins the two as "name.buildId", so the name carries no dot.
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,254}");
  private static final Pattern BUILD_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,254}");

  /**
   * Reads the deployment from {@code env}; a non-blank value in {@code flags} (keyed by the variable
   * name) replaces the variable's.
   *
   * @return the deployment, or {@code null} when neither value is set (versioning off)
   * @throws WorkerSettings.InvalidSettingException when only one is set or a value cannot be a name
   */
  public static WorkerDeployment fromEnvironment(Map<String, String> env, Map<String, String> flags) {
    String name = value(env, flags, AVESA_DEPLOYMENT_NAME);
    String buildId = value(env, flags, AVESA_BUILD_ID);
    if (name == null && buildId == null) {
      return null;
    }
    if (name == null || buildId == null) {
      String missing = name == null ? AVESA_DEPLOYMENT_NAME + " (" + DEPLOYMENT_NAME_FLAG + ")"
          : AVESA_BUILD_ID + " (" + BUILD_ID_FLAG + ")";
      throw new WorkerSettings.InvalidSettingException(missing + " is not set: Worker Versioning needs both "
          + AVESA_DEPLOYMENT_NAME + " and " + AVESA_BUILD_ID + ", or neither for an unversioned worker");
    }
    if (!NAME.matcher(name).matches()) {
      throw new WorkerSettings.InvalidSettingException(AVESA_DEPLOYMENT_NAME, name,
          "expected letters, digits, '-' and '_' (no dots), at most 255, e.g. avesa-cutover");
    }
    if (!BUILD_ID.matcher(buildId).matches()) {
      throw new WorkerSettings.InvalidSettingException(AVESA_BUILD_ID, buildId,
          "expected letters, digits, '.', '+', '-' and '_', at most 255, e.g. 2026.12.1 or a git commit");
    }
    return new WorkerDeployment(name, buildId);
  }

  /** The SDK's version of this deployment and build. */
  public WorkerDeploymentVersion version() {
    return new WorkerDeploymentVersion(deploymentName, buildId);
  }

  @Override
  public String toString() {
    return version().toCanonicalString();
  }

  private static String value(Map<String, String> env, Map<String, String> flags, String variable) {
    String flag = flags.get(variable);
    String value = flag != null && !flag.isBlank() ? flag : env.get(variable);
    return value == null || value.isBlank() ? null : value.trim();
  }
}
