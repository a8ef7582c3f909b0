package com.avesa.cutover.activities.migration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrefixShaperTest {

  @Test
  void theShapedPrefixIsTheKeyUpToItsSecondSlash() {
    assertThat(PrefixShaper.prefixOf("raw/acme/halo/companies/2026/11/27.parquet")).isEqualTo("raw/acme/");
    assertThat(PrefixShaper.prefixOf("canonical/globex/tickets.parquet")).isEqualTo("canonical/globex/");
    assertThat(PrefixShaper.prefixOf("raw/readme.txt")).isEqualTo("raw/");
    assertThat(PrefixShaper.prefixOf("top-level.json")).isEmpty();
  }

  @Test
  void writesToOneTenantPrefixShareALimiterAndOtherTenantsOrBucketsDoNot() {
    PrefixShaper shaper = new PrefixShaper(PrefixShaper.S3_WRITES_PER_PREFIX);

    WriteRateLimiter acme = shaper.limiterFor("lake", "raw/acme/a.parquet");
    assertThat(shaper.limiterFor("lake", "raw/acme/deeper/b.parquet")).isSameAs(acme);
    assertThat(shaper.limiterFor("lake", "raw/globex/a.parquet")).isNotSameAs(acme);
    assertThat(shaper.limiterFor("other-lake", "raw/acme/a.parquet")).isNotSameAs(acme);
  }

  @Test
  void oneHotPrefixIsHeldToTheRate() {
    PrefixShaper shaper = new PrefixShaper(100);
    long start = System.nanoTime();
    for (int i = 0; i < 21; i++) {
      shaper.acquire("lake", "raw/acme/" + i);
    }
    // 21 writes at 100/s need at least 20 intervals of 10 ms; nothing can make them faster.
    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(195);
  }
}
