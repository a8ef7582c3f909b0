package com.avesa.cutover.activities.approval;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** People in moto's IAM: users with access keys, and sessions of an assumed role. */
public final class MotoIdentities {
  public static final String ACCOUNT = "123456789012";
  private static final AwsBasicCredentials ADMIN = AwsBasicCredentials.create("testing", "testing");

  private final String endpoint;

  public MotoIdentities(String endpoint) {
    this.endpoint = endpoint;
  }

  /** An IAM user {@code name} with a new access key; its ARN is {@code arn:aws:iam::123456789012:user/name}. */
  public AwsCredentials user(String name) {
    try (IamClient iam = IamClient.builder().endpointOverride(URI.create(endpoint)).region(Region.AWS_GLOBAL)
        .credentialsProvider(StaticCredentialsProvider.create(ADMIN)).build()) {
      iam.createUser(r -> r.userName(name));
      AccessKey key = iam.createAccessKey(r -> r.userName(name)).accessKey();
      return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    }
  }

  /** A session {@code session} of role {@code role} (created here); its ARN names both. */
  public AwsCredentials assumedRole(String role, String session) {
    try (IamClient iam = IamClient.builder().endpointOverride(URI.create(endpoint)).region(Region.AWS_GLOBAL)
        .credentialsProvider(StaticCredentialsProvider.create(ADMIN)).build();
        StsClient sts = StsClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(ADMIN)).build()) {
      String arn = iam.getRole(r -> r.roleName(role)).role().arn();
      return session(sts, arn, session);
    } catch (software.amazon.awssdk.services.iam.model.NoSuchEntityException missing) {
      try (IamClient iam = IamClient.builder().endpointOverride(URI.create(endpoint)).region(Region.AWS_GLOBAL)
          .credentialsProvider(StaticCredentialsProvider.create(ADMIN)).build();
          StsClient sts = StsClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
              .credentialsProvider(StaticCredentialsProvider.create(ADMIN)).build()) {
        String arn = iam.createRole(r -> r.roleName(role).assumeRolePolicyDocument("{\"Version\":\"2012-10-17\","
            + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"},"
            + "\"Action\":\"sts:AssumeRole\"}]}")).role().arn();
        return session(sts, arn, session);
      }
    }
  }

  private static AwsCredentials session(StsClient sts, String roleArn, String session) {
    Credentials c = sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName(session)).credentials();
    return AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
  }
}
