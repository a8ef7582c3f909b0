package com.avesa.cutover.runtime.dev;

import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.temporal.api.workflowservice.v1.RespondWorkflowTaskCompletedRequest;

/** Clears {@code sticky_attributes} from completed workflow tasks, so no task waits on a sticky queue. */
final class NoStickyQueues implements ServerInterceptor {

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    return new SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
      @Override
      @SuppressWarnings("unchecked")
      public void onMessage(Q message) {
        if (message instanceof RespondWorkflowTaskCompletedRequest completed && completed.hasStickyAttributes()) {
          super.onMessage((Q) completed.toBuilder().clearStickyAttributes().build());
        } else {
          super.onMessage(message);
        }
      }
    };
  }
}
