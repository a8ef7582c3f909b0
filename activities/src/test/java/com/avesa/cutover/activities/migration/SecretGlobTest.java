package com.avesa.cutover.activities.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretGlobTest {

  @Test
  void starMatchesWithinOneSegmentOnly() {
    SecretGlob glob = new SecretGlob(List.of("tenant/*/prod"));

    assertThat(glob.matches("tenant/acme/prod")).isTrue();
    assertThat(glob.matches("tenant//prod")).isTrue();
    assertThat(glob.matches("tenant/acme/eu/prod")).isFalse();
    assertThat(glob.matches("tenant/acme/dev")).isFalse();
    assertThat(glob.matches("tenant/acme/prod-old")).isFalse();
  }

  @Test
  void questionMarkIsOneCharacterAndRegexCharactersAreLiteral() {
    SecretGlob glob = new SecretGlob(List.of("svc/db?.(main)+", "other"));

    assertThat(glob.matches("svc/db1.(main)+")).isTrue();
    assertThat(glob.matches("svc/db/.(main)+")).isFalse();
    assertThat(glob.matches("svc/db1x(main)+")).isFalse();
    assertThat(glob.matches("other")).isTrue();
  }
}
