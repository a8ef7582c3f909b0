package com.avesa.cutover.activities.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.avesa.cutover.activities.testing.OneAttempt;
import io.temporal.activity.ActivityInterface;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Heartbeats#whileRunning} around a blocking call, in Temporal's activity test environment. */
@Timeout(60)
class HeartbeatsTest {
  /** Stands for a call that cannot heartbeat itself (a Lambda invocation): it sleeps. */
  @ActivityInterface
  public interface BlockingCall {
    String block(long millis);
  }

  private final List<String> heartbeats = new CopyOnWriteArrayList<>();
  private final AtomicBoolean interrupted = new AtomicBoolean();
  private TestActivityEnvironment env;
  private BlockingCall activity;

  @BeforeEach
  void startEnvironment() {
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations((BlockingCall) millis -> Heartbeats.whileRunning("invoking f",
        Duration.ofMillis(100), () -> {
          try {
            Thread.sleep(millis);
            return "returned";
          } catch (InterruptedException e) {
            interrupted.set(true);
            throw new IllegalStateException("the call was interrupted", e);
          }
        }));
    env.setActivityHeartbeatListener(String.class, heartbeats::add);
    activity = env.newActivityStub(BlockingCall.class, OneAttempt.heartbeating(Duration.ofSeconds(2)));
  }

  @AfterEach
  void closeEnvironment() {
    env.close();
  }

  @Test
  void heartbeatsWhileABlockingCallRunsAndReturnsItsResult() {
    assertThat(activity.block(500)).isEqualTo("returned");

    assertThat(heartbeats).isNotEmpty().allMatch("invoking f"::equals);
    assertThat(interrupted).isFalse();
  }

  @Test
  void aCancellationInterruptsTheBlockingCallAndEndsTheActivityCancelled() {
    CompletableFuture<String> call = CompletableFuture.supplyAsync(() -> activity.block(30_000));
    await().atMost(Duration.ofSeconds(10)).until(() -> !heartbeats.isEmpty());

    env.requestCancelActivity();

    assertThatThrownBy(call::join).hasRootCauseInstanceOf(CanceledFailure.class);
    assertThat(interrupted).isTrue();
  }

  @Test
  void outsideAnActivityTheCallJustRuns() {
    assertThat(Heartbeats.whileRunning("x", Duration.ofMillis(10), () -> "ran")).isEqualTo("ran");
  }
}
