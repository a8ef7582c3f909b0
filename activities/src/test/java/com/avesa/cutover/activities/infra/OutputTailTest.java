package com.avesa.cutover.activities.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputTailTest {

  @Test
  void dropsTheOldestLinesBeyondTheLineLimit() {
    OutputTail tail = new OutputTail(3, 1024);
    for (int i = 1; i <= 5; i++) {
      tail.add("line " + i);
    }

    assertThat(tail.text()).isEqualTo("line 3\nline 4\nline 5");
    assertThat(tail.lastLine()).isEqualTo("line 5");
  }

  @Test
  void dropsTheOldestLinesBeyondTheByteLimit() {
    OutputTail tail = new OutputTail(50, 100);
    for (int i = 0; i < 10; i++) {
      tail.add(String.valueOf(i).repeat(30));
    }

    assertThat(tail.text().lines()).hasSize(3).last().isEqualTo("9".repeat(30));
  }

  @Test
  void aLineLongerThanTheLimitKeepsItsEnd() {
    OutputTail tail = new OutputTail(50, 10);
    tail.add("a".repeat(20) + "0123456789");

    assertThat(tail.text()).isEqualTo("0123456789");
  }

  @Test
  void isEmptyBeforeTheFirstLine() {
    OutputTail tail = new OutputTail(50, 100);

    assertThat(tail.lastLine()).isEmpty();
    assertThat(tail.text()).isEmpty();
  }
}
