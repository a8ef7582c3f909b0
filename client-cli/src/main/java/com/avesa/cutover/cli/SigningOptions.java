package com.avesa.cutover.cli;

import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;

/**
 * Whose AWS credentials sign a decision or a start under {@code approvals.identity: aws-iam}: the
 * caller's own, from {@code --profile} or the SDK's default chain (env, profile, SSO, instance role).
 */
final class SigningOptions {
  @Option(names = "--profile", paramLabel = "NAME", defaultValue = "${env:AVESA_SIGNING_PROFILE}",
      description = "AWS profile whose credentials sign approvals and starts under approvals.identity aws-iam "
          + "(default: env AVESA_SIGNING_PROFILE, else the SDK's default chain: AWS_PROFILE, env keys, SSO, role).")
  String profile;

  AwsCredentialsProvider credentials() {
    return profile == null || profile.isBlank() ? DefaultCredentialsProvider.builder().build()
        : ProfileCredentialsProvider.create(profile.strip());
  }

  /** Who signs, for messages. */
  String describe() {
    return profile == null || profile.isBlank() ? "the default AWS credentials" : "AWS profile " + profile.strip();
  }
}
