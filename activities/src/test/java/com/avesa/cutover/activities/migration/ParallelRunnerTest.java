package com.avesa.cutover.activities.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParallelRunnerTest {

  @Test
  void beatsWhileHandingOutManyQuickTasksNotOnlyWhileWaitingOnSlowOnes() {
    AtomicInteger beats = new AtomicInteger();
    List<Callable<Integer>> quick = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      int n = i;
      quick.add(() -> {
        Thread.sleep(100);
        return n;
      });
    }
    try (ParallelRunner runner = new ParallelRunner("test", 4)) {
      List<Integer> results = runner.runAll(quick, 1, beats::incrementAndGet);

      assertThat(results).hasSize(30).startsWith(0, 1, 2).endsWith(29);
      assertThat(beats.get()).as("heartbeats over ~3 s of 100 ms tasks").isGreaterThanOrEqualTo(1);
    }
  }
}
