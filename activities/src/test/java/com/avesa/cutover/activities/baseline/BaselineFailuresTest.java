package com.avesa.cutover.activities.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.workflows.FailureType;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sns.model.SnsException;

/** Which AWS answers stop the baseline for good, and what their messages tell the operator. */
class BaselineFailuresTest {

  @Test
  void refusedCredentialsAreNonRetryableAndNameTheAdminIdentity() {
    RuntimeException failure = BaselineFailures.classify("create topic avesa-alerts",
        error(403, "AuthorizationError", "User is not authorized to perform: SNS:CreateTopic"));

    assertThat(failure).isInstanceOfSatisfying(ApplicationFailure.class, e -> {
      assertThat(e.isNonRetryable()).isTrue();
      assertThat(e.getType()).isEqualTo(FailureType.ACCESS_DENIED.type());
      assertThat(e.getOriginalMessage()).contains("create topic avesa-alerts", "SNS:CreateTopic", "adminRoleArn");
    });
  }

  @Test
  void aRejectedRequestIsABadConfig() {
    RuntimeException failure = BaselineFailures.classify("subscribe not-an-email",
        error(400, "InvalidParameter", "Invalid parameter: Email address"));

    assertThat(failure).isInstanceOfSatisfying(ApplicationFailure.class, e -> {
      assertThat(e.isNonRetryable()).isTrue();
      assertThat(e.getType()).isEqualTo(FailureType.BAD_CONFIG.type());
      assertThat(e.getOriginalMessage()).contains("subscribe not-an-email", "security section");
    });
  }

  @Test
  void throttlingIsLeftForTemporalToRetry() {
    AwsServiceException throttled = error(400, "Throttling", "Rate exceeded");

    assertThat(BaselineFailures.classify("create topic avesa-alerts", throttled)).isSameAs(throttled);
  }

  private static AwsServiceException error(int status, String code, String message) {
    return SnsException.builder().statusCode(status).message(message)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
  }
}
