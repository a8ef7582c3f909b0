package com.avesa.cutover.workflows.migration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScanPlanTest {
  private static final long GIB = 1L << 30;

  @Test
  void aSmallOrEmptyTableIsOneSegment() {
    assertThat(ScanPlan.segmentsFor(0)).isEqualTo(1);
    assertThat(ScanPlan.segmentsFor(4_000_000)).isEqualTo(1);
    assertThat(ScanPlan.segmentsFor(GIB)).isEqualTo(1);
  }

  @Test
  void oneSegmentPerStartedGibUpToTheCap() {
    assertThat(ScanPlan.segmentsFor(GIB + 1)).isEqualTo(2);
    assertThat(ScanPlan.segmentsFor(10 * GIB)).isEqualTo(10);
    assertThat(ScanPlan.segmentsFor(64 * GIB)).isEqualTo(ScanPlan.MAX_AUTO_SEGMENTS);
    assertThat(ScanPlan.segmentsFor(5_000 * GIB)).isEqualTo(ScanPlan.MAX_AUTO_SEGMENTS);
  }

  @Test
  void anUnknownSizeGetsTheFormerFixedCount() {
    assertThat(ScanPlan.segmentsFor(-1)).isEqualTo(ScanPlan.UNKNOWN_SIZE_SEGMENTS).isEqualTo(4);
  }

  @Test
  void aPayloadWithoutTheTargetStateReadsAsNotEmpty() {
    assertThat(new ScanPlan(1, 1, 1, null).target()).isEqualTo(ScanPlan.Target.NOT_EMPTY);
  }
}
