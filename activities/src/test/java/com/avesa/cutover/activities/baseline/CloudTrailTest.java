package com.avesa.cutover.activities.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.avesa.cutover.workflows.account.BaselineStep;
import com.avesa.cutover.workflows.account.CreatedResource;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Trail;
import software.amazon.awssdk.services.cloudtrail.model.TrailNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

class CloudTrailTest extends BaselineTestBase {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OTHER_STATEMENT = """
      {"Sid":"AuditorsRead","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},\
      "Action":"s3:GetObject","Resource":"arn:aws:s3:::%s/*"}""".formatted(BUCKET);

  @Test
  void createsAVersionedEncryptedBucketAndAMultiRegionTrailThatLogs() {
    BaselineStep step = activities.ensureCloudTrail(request(security(1000)));

    assertThat(step.created()).containsExactly(new CreatedResource(TrailBucket.KIND, BUCKET),
        new CreatedResource(AuditTrail.KIND, TRAIL));
    assertThat(lines(step.changed())).contains("cloudtrail logging " + TRAIL + ": started");
    S3Client s3 = clients.s3(admin, Side.TARGET);
    assertThat(s3.getBucketVersioning(b -> b.bucket(BUCKET)).status()).isEqualTo(BucketVersioningStatus.ENABLED);
    assertThat(s3.getBucketEncryption(b -> b.bucket(BUCKET)).serverSideEncryptionConfiguration().rules().get(0)
        .applyServerSideEncryptionByDefault().sseAlgorithm()).isEqualTo(ServerSideEncryption.AES256);
    Trail trail = cloudTrail(Side.TARGET).getTrail(b -> b.name(TRAIL)).trail();
    assertThat(trail.s3BucketName()).isEqualTo(BUCKET);
    assertThat(trail.isMultiRegionTrail()).isTrue();
    assertThat(trail.logFileValidationEnabled()).isTrue();
    assertThat(cloudTrail(Side.TARGET).getTrailStatus(b -> b.name(TRAIL)).isLogging()).isTrue();
    assertThat(cloudTrail(Side.SOURCE).describeTrails().trailList()).isEmpty();
  }

  @Test
  void theBucketPolicyGrantsCloudTrailAndConfigWhatTheyNeed() throws Exception {
    activities.ensureCloudTrail(request(security(1000)));

    JsonNode statements = policy().path("Statement");
    JsonNode acl = statement(statements, "AWSCloudTrailAclCheck");
    assertThat(acl.path("Principal").path("Service").asText()).isEqualTo("cloudtrail.amazonaws.com");
    assertThat(acl.path("Action").asText()).isEqualTo("s3:GetBucketAcl");
    assertThat(acl.path("Resource").asText()).isEqualTo("arn:aws:s3:::" + BUCKET);
    JsonNode write = statement(statements, "AWSCloudTrailWrite");
    assertThat(write.path("Principal").path("Service").asText()).isEqualTo("cloudtrail.amazonaws.com");
    assertThat(write.path("Action").asText()).isEqualTo("s3:PutObject");
    assertThat(write.path("Resource").asText()).isEqualTo("arn:aws:s3:::" + BUCKET + "/AWSLogs/" + ACCOUNT + "/*");
    assertThat(write.path("Condition").path("StringEquals").path("s3:x-amz-acl").asText())
        .isEqualTo("bucket-owner-full-control");
    JsonNode config = statement(statements, "AWSConfigBucketDelivery");
    assertThat(config.path("Principal").path("Service").asText()).isEqualTo("config.amazonaws.com");
    assertThat(config.path("Resource").asText())
        .isEqualTo("arn:aws:s3:::" + BUCKET + "/config/AWSLogs/" + ACCOUNT + "/Config/*");
    assertThat(statement(statements, "AWSConfigBucketPermissionsCheck").path("Action").asText()).isEqualTo("s3:GetBucketAcl");
    assertThat(statement(statements, "AWSConfigBucketExistenceCheck").path("Action").asText()).isEqualTo("s3:ListBucket");
  }

  @Test
  void anExistingPolicyGainsTheStatementsAndKeepsItsOwn() throws Exception {
    S3Client s3 = clients.s3(admin, Side.TARGET);
    s3.createBucket(b -> b.bucket(BUCKET));
    s3.putBucketPolicy(b -> b.bucket(BUCKET).policy("{\"Version\":\"2012-10-17\",\"Statement\":[" + OTHER_STATEMENT + "]}"));

    BaselineStep step = activities.ensureCloudTrail(request(security(1000)));

    assertThat(step.created()).containsExactly(new CreatedResource(AuditTrail.KIND, TRAIL));
    assertThat(step.changed()).contains(new PhaseItem("s3 bucket policy " + BUCKET, "added AWSCloudTrailAclCheck, "
        + "AWSCloudTrailWrite, AWSConfigBucketPermissionsCheck, AWSConfigBucketExistenceCheck, AWSConfigBucketDelivery"));
    JsonNode statements = policy().path("Statement");
    assertThat(statements).hasSize(6);
    assertThat(statement(statements, "AuditorsRead")).isEqualTo(JSON.readTree(OTHER_STATEMENT));
  }

  @Test
  void aSecondRunFindsEverythingInPlace() {
    activities.ensureCloudTrail(request(security(1000)));

    BaselineStep second = activities.ensureCloudTrail(request(security(1000)));

    assertThat(second.changed()).isEmpty();
    assertThat(second.created()).isEmpty();
    assertThat(lines(second.unchanged())).containsExactly(
        "s3 bucket " + BUCKET + ": already in place",
        "s3 bucket policy " + BUCKET + ": already in place (CloudTrail and AWS Config statements)",
        "cloudtrail trail " + TRAIL + ": already in place (multi-region, log file validation, into " + BUCKET + ")",
        "cloudtrail logging " + TRAIL + ": already in place (logging)");
  }

  @Test
  void aStoppedSingleRegionTrailIsFixedAndStarted() {
    S3Client s3 = clients.s3(admin, Side.TARGET);
    s3.createBucket(b -> b.bucket(BUCKET));
    cloudTrail(Side.TARGET).createTrail(b -> b.name(TRAIL).s3BucketName(BUCKET).includeGlobalServiceEvents(true));

    BaselineStep step = activities.ensureCloudTrail(request(security(1000)));

    assertThat(step.changed()).contains(
        new PhaseItem("cloudtrail trail " + TRAIL, "multi-region (was single-region), log file validation enabled (was off)"),
        new PhaseItem("cloudtrail logging " + TRAIL, "started"));
    assertThat(step.created()).isEmpty();
    assertThat(cloudTrail(Side.TARGET).getTrail(b -> b.name(TRAIL)).trail().isMultiRegionTrail()).isTrue();
  }

  @Test
  void removeDeletesTrailAndBucketWithItsLogsAndASecondRemoveIsFine() {
    activities.ensureCloudTrail(request(security(1000)));
    S3Client s3 = clients.s3(admin, Side.TARGET);
    String log = "AWSLogs/" + ACCOUNT + "/CloudTrail/us-east-1/log.json.gz";
    s3.putObject(b -> b.bucket(BUCKET).key(log), RequestBody.fromString("{}"));
    s3.putObject(b -> b.bucket(BUCKET).key(log), RequestBody.fromString("{\"Records\":[]}"));

    for (int round = 0; round < 2; round++) {
      remove(AuditTrail.KIND, TRAIL);
      remove(TrailBucket.KIND, BUCKET);
    }

    assertThatThrownBy(() -> cloudTrail(Side.TARGET).getTrail(b -> b.name(TRAIL))).isInstanceOf(TrailNotFoundException.class);
    assertThatThrownBy(() -> s3.headBucket(b -> b.bucket(BUCKET))).isInstanceOf(NoSuchBucketException.class);
  }

  private CloudTrailClient cloudTrail(Side side) {
    return clients.cloudTrail(admin, side);
  }

  private JsonNode policy() throws Exception {
    return JSON.readTree(clients.s3(admin, Side.TARGET).getBucketPolicy(b -> b.bucket(BUCKET)).policy());
  }

  private static JsonNode statement(JsonNode statements, String sid) {
    for (JsonNode statement : statements) {
      if (sid.equals(statement.path("Sid").asText())) {
        return statement;
      }
    }
    throw new AssertionError("no statement " + sid + " in " + statements);
  }
}
