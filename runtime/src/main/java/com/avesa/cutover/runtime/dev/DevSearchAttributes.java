package com.avesa.cutover.runtime.dev;

import com.avesa.cutover.workflows.RunSearchAttributes;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.AddSearchAttributesResponse;
import io.temporal.api.operatorservice.v1.ListSearchAttributesResponse;
import io.temporal.api.operatorservice.v1.OperatorServiceGrpc;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The embedded server's search attributes: it registers the run attributes
 * ({@link RunSearchAttributes#REQUIRED}) at start, and answers {@code ListSearchAttributes}, which
 * the SDK's test server does not implement, with them, so a starter sees that it may use them.
 */
final class DevSearchAttributes {
  private DevSearchAttributes() {}

  /** Registers the run attributes with the test server's operator service. */
  static void register(OperatorServiceGrpc.OperatorServiceImplBase operator) {
    AtomicReference<Throwable> refused = new AtomicReference<>();
    operator.addSearchAttributes(AddSearchAttributesRequest.newBuilder()
        .putAllSearchAttributes(RunSearchAttributes.REQUIRED).build(), new StreamObserver<AddSearchAttributesResponse>() {
          @Override
          public void onNext(AddSearchAttributesResponse response) {}

          @Override
          public void onError(Throwable t) {
            refused.set(t);
          }

          @Override
          public void onCompleted() {}
        });
    if (refused.get() != null) {
      throw new IllegalStateException("the embedded server refused the run search attributes: " + refused.get().getMessage());
    }
  }

  /** {@code operator} with {@code ListSearchAttributes} answered: the run attributes, as custom Keyword attributes. */
  static ServerServiceDefinition answeringListing(ServerServiceDefinition operator) {
    String listing = OperatorServiceGrpc.getListSearchAttributesMethod().getFullMethodName();
    ServerServiceDefinition.Builder service = ServerServiceDefinition.builder(operator.getServiceDescriptor());
    for (ServerMethodDefinition<?, ?> method : operator.getMethods()) {
      if (!method.getMethodDescriptor().getFullMethodName().equals(listing)) {
        service.addMethod(method);
      }
    }
    return service.addMethod(OperatorServiceGrpc.getListSearchAttributesMethod(),
        ServerCalls.asyncUnaryCall((request, response) -> {
          response.onNext(ListSearchAttributesResponse.newBuilder()
              .putAllCustomAttributes(RunSearchAttributes.REQUIRED).build());
          response.onCompleted();
        })).build();
  }
}
