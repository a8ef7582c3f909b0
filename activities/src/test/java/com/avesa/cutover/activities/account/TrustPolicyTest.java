package com.avesa.cutover.activities.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TrustPolicyTest {
  private static final String SOURCE = "123456789012";
  private static final String EXTERNAL_ID = "ext-1";

  private static String policy(String principal, String condition) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":" + principal
        + ",\"Action\":\"sts:AssumeRole\"" + (condition == null ? "" : ",\"Condition\":" + condition) + "}]}";
  }

  private static final String REQUIRES_EXTERNAL_ID = "{\"StringEquals\":{\"sts:ExternalId\":\"ext-1\"}}";

  @Test
  void writesTheSourceRootWithTheExternalIdOnly() throws Exception {
    ObjectMapper json = new ObjectMapper();

    assertThat(json.readTree(TrustPolicy.document(SOURCE, EXTERNAL_ID)))
        .isEqualTo(json.readTree(policy("{\"AWS\":\"arn:aws:iam::123456789012:root\"}", REQUIRES_EXTERNAL_ID)));
  }

  @Test
  void acceptsItsOwnDocumentAsIamAnswersItUrlEncoded() {
    String encoded = URLEncoder.encode(TrustPolicy.document(SOURCE, EXTERNAL_ID), StandardCharsets.UTF_8);

    assertThat(TrustPolicy.problems(encoded, SOURCE, EXTERNAL_ID)).isEmpty();
  }

  @Test
  void acceptsTheAccountIdShorthandAndAListedExternalId() {
    assertThat(TrustPolicy.problems(policy("{\"AWS\":\"123456789012\"}",
        "{\"StringEquals\":{\"sts:ExternalId\":[\"ext-1\"]}}"), SOURCE, EXTERNAL_ID)).isEmpty();
  }

  @Test
  void reportsAMissingExternalIdCondition() {
    assertThat(TrustPolicy.problems(policy("{\"AWS\":\"arn:aws:iam::123456789012:root\"}", null), SOURCE,
        EXTERNAL_ID)).containsExactly(
            "its trust policy does not require the ExternalId (no StringEquals sts:ExternalId condition)");
  }

  @Test
  void reportsADifferentExternalIdWithoutPrintingIt() {
    assertThat(TrustPolicy.problems(policy("{\"AWS\":\"arn:aws:iam::123456789012:root\"}",
        "{\"StringEquals\":{\"sts:ExternalId\":\"old-secret\"}}"), SOURCE, EXTERNAL_ID))
        .containsExactly("its trust policy requires a different ExternalId than target.externalId");
  }

  @Test
  void reportsEveryOtherPrincipal() {
    assertThat(TrustPolicy.problems(policy("{\"AWS\":[\"arn:aws:iam::123456789012:root\",\"*\"],"
        + "\"Service\":\"lambda.amazonaws.com\"}", REQUIRES_EXTERNAL_ID), SOURCE, EXTERNAL_ID)).containsExactly(
            "its trust policy also trusts AWS * (only arn:aws:iam::123456789012:root may assume it)",
            "its trust policy also trusts Service lambda.amazonaws.com (only arn:aws:iam::123456789012:root may"
                + " assume it)");
  }

  @Test
  void reportsAPolicyThatDoesNotLetTheSourceIn() {
    assertThat(TrustPolicy.problems(policy("{\"AWS\":\"arn:aws:iam::444455556666:root\"}", REQUIRES_EXTERNAL_ID),
        SOURCE, EXTERNAL_ID)).containsExactly(
            "its trust policy also trusts arn:aws:iam::444455556666:root (only arn:aws:iam::123456789012:root may"
                + " assume it)",
            "its trust policy does not let the source account 123456789012 assume it");
  }
}
