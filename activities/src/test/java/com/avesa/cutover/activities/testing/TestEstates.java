package com.avesa.cutover.activities.testing;

import com.avesa.cutover.workflows.estate.AccountConfig;
import com.avesa.cutover.workflows.estate.Estate;

/**
 * Estates for tests against moto: the source acts with default (emulator) credentials as
 * 123456789012; the target assumes {@code role/AVESADeploymentRole} in 987654321098 with the
 * ExternalId — moto's assumed-role credentials act as the role's account.
 */
public final class TestEstates {
  public static final String SOURCE_ACCOUNT = "123456789012";
  public static final String TARGET_ACCOUNT = "987654321098";
  public static final String EXTERNAL_ID = "avesa-deployment-key";

  private TestEstates() {}

  public static Estate crossAccount(String endpoint) {
    return withTargetAccountId(endpoint, TARGET_ACCOUNT);
  }

  /** The same estate, but the config claims the target is {@code accountId}. */
  public static Estate withTargetAccountId(String endpoint, String accountId) {
    return new Estate(MotoExtension.REGION, endpoint, new AccountConfig(SOURCE_ACCOUNT, null, null, null),
        new AccountConfig(accountId, null, "arn:aws:iam::" + TARGET_ACCOUNT + ":role/AVESADeploymentRole", EXTERNAL_ID));
  }
}
