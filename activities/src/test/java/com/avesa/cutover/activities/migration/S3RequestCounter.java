package com.avesa.cutover.activities.migration;

import com.avesa.cutover.activities.aws.AwsClients;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * An S3 interceptor for {@link AwsClients}: counts the HTTP requests sent, by operation (both sides
 * together, retries included: what the emulator's request log would show), and can run a hook
 * after an operation succeeded, e.g. to spoil what a copy wrote.
 */
final class S3RequestCounter implements ExecutionInterceptor {
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private volatile BiConsumer<String, SdkRequest> after = (operation, request) -> {};

  static AwsClients clients(S3RequestCounter counter) {
    return new AwsClients(counter);
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    requests.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), name -> new AtomicInteger())
        .incrementAndGet();
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    after.accept(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), context.request());
  }

  /** Requests sent since the last reset, by operation name (CopyObject, ListObjectsV2, ...), in name order. */
  Map<String, Integer> calls() {
    Map<String, Integer> counts = new TreeMap<>();
    requests.forEach((name, count) -> counts.put(name, count.get()));
    return counts;
  }

  int total() {
    return requests.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  void reset() {
    requests.clear();
  }

  /** Runs after each successful operation, with its name and request. */
  void after(BiConsumer<String, SdkRequest> hook) {
    this.after = hook;
  }
}
