package com.avesa.cutover.workflows.config;

/**
 * The cross-account deployment role ({@code role:}).
 *
 * @param name the role's name in the target (default {@value #DEFAULT_NAME}, or the name in
 *     {@code target.roleArn})
 * @param policies {@value #LEAST_PRIVILEGE} (an inline policy generated from the config) or
 *     {@value #RUNBOOK} (the managed PowerUserAccess and IAMFullAccess, as the runbook attaches)
 */
public record RoleConfig(String name, String policies) {
  public static final String DEFAULT_NAME = "AVESADeploymentRole";
  public static final String LEAST_PRIVILEGE = "least-privilege";
  public static final String RUNBOOK = "runbook";

  public RoleConfig {
    name = name == null ? DEFAULT_NAME : name;
    policies = policies == null ? LEAST_PRIVILEGE : policies;
  }

  public static RoleConfig defaults() {
    return new RoleConfig(null, null);
  }

  public boolean runbookPolicies() {
    return RUNBOOK.equals(policies);
  }
}
