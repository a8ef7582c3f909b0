package com.avesa.cutover.activities.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.activities.testing.TestEstates;
import com.avesa.cutover.workflows.estate.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * The S3 clients compute request checksums only when an operation requires one or the call asks
 * for it: moto stores the algorithm the SDK sent, so HEAD with checksum mode tells what was sent.
 */
class AwsClientsChecksumTest {
  @RegisterExtension static final MotoExtension MOTO = new MotoExtension();

  private final AwsClients clients = new AwsClients();

  @AfterEach
  void close() {
    clients.close();
  }

  @Test
  void putsWithoutADefaultChecksumButKeepsARequestedOne() {
    S3Client s3 = clients.s3(TestEstates.crossAccount(MOTO.endpoint()), Side.SOURCE);
    s3.createBucket(b -> b.bucket("checksums"));
    s3.putObject(b -> b.bucket("checksums").key("plain"), RequestBody.fromString("body"));
    s3.putObject(b -> b.bucket("checksums").key("asked").checksumAlgorithm(ChecksumAlgorithm.SHA256),
        RequestBody.fromString("body"));

    HeadObjectResponse plain = s3.headObject(b -> b.bucket("checksums").key("plain").checksumMode(ChecksumMode.ENABLED));
    HeadObjectResponse asked = s3.headObject(b -> b.bucket("checksums").key("asked").checksumMode(ChecksumMode.ENABLED));
    assertThat(plain.checksumCRC32()).isNull();
    assertThat(plain.checksumCRC64NVME()).isNull();
    assertThat(asked.checksumSHA256()).isEqualTo("Iw2DWNyOiJC0xY3utikS7i8gNXrpKlzIYbmOaP4xrLU=");
    assertThat(s3.getObjectAsBytes(b -> b.bucket("checksums").key("asked")).asUtf8String()).isEqualTo("body");
  }
}
