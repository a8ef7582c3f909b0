package com.avesa.cutover.activities.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The merge of the required statements into a bucket's policy, without AWS. */
class TrailBucketPolicyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final TrailBucketPolicy policy = new TrailBucketPolicy("audit", "987654321098");

  @Test
  void aPolicyWithEveryStatementUnderOtherSidsNeedsNothing() throws Exception {
    List<JsonNode> statements = new ArrayList<>();
    int n = 0;
    for (ObjectNode statement : policy.requiredStatements()) {
      statements.add(statement.deepCopy().put("Sid", "Mine" + n++));
    }
    String document = JSON.writeValueAsString(Map.of("Version", "2012-10-17", "Statement", statements));

    assertThat(policy.merge(document)).isEmpty();
  }

  @Test
  void anOutdatedStatementOfOursIsReplacedNotDuplicated() throws Exception {
    String document = """
        {"Version":"2012-10-17","Statement":{"Sid":"AWSCloudTrailWrite","Effect":"Allow",
         "Principal":{"Service":"cloudtrail.amazonaws.com"},"Action":"s3:PutObject",
         "Resource":"arn:aws:s3:::audit/AWSLogs/111111111111/*"}}""";

    TrailBucketPolicy.Merge merge = policy.merge(document).orElseThrow();

    JsonNode statements = JSON.readTree(merge.policy()).path("Statement");
    assertThat(statements).hasSize(5);
    assertThat(statements.findValuesAsText("Resource")).doesNotContain("arn:aws:s3:::audit/AWSLogs/111111111111/*");
    assertThat(merge.addedSids()).hasSize(5);
  }

  @Test
  void noPolicyGetsADocumentWithVersionAndEveryStatement() throws Exception {
    TrailBucketPolicy.Merge merge = policy.merge(null).orElseThrow();

    JsonNode document = JSON.readTree(merge.policy());
    assertThat(document.path("Version").asText()).isEqualTo("2012-10-17");
    assertThat(document.path("Statement")).hasSize(5);
  }
}
