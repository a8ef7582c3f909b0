package com.avesa.cutover.activities.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

  private static final String SOURCE_STATEMENT = "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
      + "\"arn:aws:iam::123456789012:root\"},\"Action\":\"sts:AssumeRole\",\"Condition\":" + REQUIRES_EXTERNAL_ID + "}";

  /** The runbook's statement plus {@code other}. */
  private static List<String> problemsWith(String other) {
    return TrustPolicy.problems("{\"Version\":\"2012-10-17\",\"Statement\":[" + SOURCE_STATEMENT + "," + other + "]}",
        SOURCE, EXTERNAL_ID);
  }

  @Test
  void reportsWebIdentityFederationWhichTakesNoExternalId() {
    assertThat(problemsWith("{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":"
        + "\"arn:aws:iam::987654321098:oidc-provider/token.actions.githubusercontent.com\"},"
        + "\"Action\":\"sts:AssumeRoleWithWebIdentity\"}")).containsExactly(
            "its trust policy allows sts:AssumeRoleWithWebIdentity, which takes no ExternalId (only sts:AssumeRole by"
                + " the source account may be allowed)",
            "its trust policy also trusts arn:aws:iam::987654321098:oidc-provider/token.actions.githubusercontent.com"
                + " (only arn:aws:iam::123456789012:root may assume it)");
  }

  @Test
  void reportsSamlFederationEvenForTheSourceAccount() {
    assertThat(problemsWith("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"123456789012\"},"
        + "\"Action\":[\"sts:AssumeRoleWithSAML\"]}")).containsExactly(
            "its trust policy allows sts:AssumeRoleWithSAML, which takes no ExternalId (only sts:AssumeRole by the"
                + " source account may be allowed)");
  }

  @Test
  void reportsAnAllowWithNotPrincipalAsTrustingEveryoneElse() {
    assertThat(problemsWith("{\"Effect\":\"Allow\",\"NotPrincipal\":{\"AWS\":\"arn:aws:iam::444455556666:root\"},"
        + "\"Action\":\"sts:AssumeRole\",\"Condition\":" + REQUIRES_EXTERNAL_ID + "}")).containsExactly(
            "its trust policy lets everyone but the principals it names assume it (Allow with NotPrincipal; only"
                + " arn:aws:iam::123456789012:root may assume it)");
  }

  @Test
  void readsNotActionAsEveryActionItDoesNotExclude() {
    assertThat(problemsWith("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::444455556666:root\"},"
        + "\"NotAction\":\"s3:*\",\"Condition\":" + REQUIRES_EXTERNAL_ID + "}"))
        .contains("its trust policy also trusts arn:aws:iam::444455556666:root (only arn:aws:iam::123456789012:root"
            + " may assume it)")
        .anyMatch(p -> p.startsWith("its trust policy allows sts:AssumeRoleWithWebIdentity"))
        .anyMatch(p -> p.startsWith("its trust policy allows sts:AssumeRoleWithSAML"));
    assertThat(problemsWith("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::444455556666:root\"},"
        + "\"NotAction\":[\"sts:Assume*\"]}")).as("it excludes every way to assume the role").isEmpty();
  }

  @Test
  void readsWildcardActionsAsIamDoes() {
    for (String action : List.of("sts:*", "*", "sts:AssumeRole*", "sts:Assume?ole", "STS:assumerole")) {
      assertThat(problemsWith("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::444455556666:root\"},"
          + "\"Action\":\"" + action + "\",\"Condition\":" + REQUIRES_EXTERNAL_ID + "}")).as(action)
          .contains("its trust policy also trusts arn:aws:iam::444455556666:root (only"
              + " arn:aws:iam::123456789012:root may assume it)");
    }
    assertThat(problemsWith("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::444455556666:root\"},"
        + "\"Action\":\"sts:TagSession\"}")).as("tagging a session assumes nothing").isEmpty();
  }

  @Test
  void ignoresDenyStatements() {
    assertThat(problemsWith("{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"sts:*\"}")).isEmpty();
  }

  @Test
  void anExternalIdMustBeRequiredWithStringEqualsButItsKeyIsCaseInsensitive() {
    assertThat(TrustPolicy.problems(policy("{\"AWS\":\"123456789012\"}",
        "{\"StringEquals\":{\"sts:externalid\":\"ext-1\"}}"), SOURCE, EXTERNAL_ID)).isEmpty();
    assertThat(TrustPolicy.problems(policy("{\"AWS\":\"123456789012\"}",
        "{\"StringLike\":{\"sts:ExternalId\":\"*\"}}"), SOURCE, EXTERNAL_ID)).containsExactly(
            "its trust policy does not require the ExternalId (no StringEquals sts:ExternalId condition)");
  }

  @Test
  void reportsAnyoneAsAPrincipal() {
    assertThat(problemsWith("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\","
        + "\"Condition\":" + REQUIRES_EXTERNAL_ID + "}")).containsExactly(
            "its trust policy also trusts * (only arn:aws:iam::123456789012:root may assume it)");
  }
}
