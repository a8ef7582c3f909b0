package com.avesa.cutover.activities.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectStateTest {
  private static ObjectState state(String eTag, String encryption) {
    return new ObjectState("raw/acme/a.parquet", 10, eTag, null, null, null, null, Map.of(), Map.of(), encryption);
  }

  @Test
  void onlyASinglePartUnencryptedOrSseS3ETagIsTheContentsMd5() {
    assertThat(state("\"9e107d9d372bb6826bd81d3542a419d6\"", null).eTagIsContentMd5()).isTrue();
    assertThat(state("9e107d9d372bb6826bd81d3542a419d6", "AES256").eTagIsContentMd5()).isTrue();
    assertThat(state("9e107d9d372bb6826bd81d3542a419d6", "aws:kms").eTagIsContentMd5()).isFalse();
    assertThat(state("9e107d9d372bb6826bd81d3542a419d6", "SSE-C").eTagIsContentMd5()).isFalse();
    assertThat(state("d41d8cd98f00b204e9800998ecf8427e-3", null).eTagIsContentMd5()).isFalse();
    assertThat(state(null, null).eTagIsContentMd5()).isFalse();
  }

  @Test
  void encryptionIsNotADifferenceBetweenSourceAndCopy() {
    assertThat(state("9e107d9d372bb6826bd81d3542a419d6", "aws:kms")
        .differencesFrom(state("9e107d9d372bb6826bd81d3542a419d6", "AES256"))).isEmpty();
  }
}
