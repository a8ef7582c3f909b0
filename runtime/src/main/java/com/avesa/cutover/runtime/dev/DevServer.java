package com.avesa.cutover.runtime.dev;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.temporal.api.operatorservice.v1.OperatorServiceGrpc;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The embedded Temporal server: the Java SDK's test server in real time (time skipping locked),
 * in memory, serving gRPC on the loopback interface only.
 *
 * <p>The test server never times out a sticky task queue: a workflow task routed to the sticky
 * queue of a worker that was killed would wait there forever, and the run with it. So this server
 * drops the sticky attributes workers send ({@link NoStickyQueues}); every workflow task goes to
 * the shared task queue, where any live worker picks it up, as a real cluster does after its
 * sticky schedule-to-start timeout.
 *
 * <p>It has the run search attributes ({@code AvesaConfig}, {@code AvesaKind}, {@code AvesaPhase},
 * {@code AvesaOutcome}, {@code AvesaPendingGate}) from the start, and lists them
 * ({@link DevSearchAttributes}).
 */
public final class DevServer implements AutoCloseable {
  private final TestServicesStarter services;
  private final Server server;

  private DevServer(TestServicesStarter services, Server server) {
    this.services = services;
    this.server = server;
  }

  /** Starts the server on 127.0.0.1:{@code port} (0 picks a free port). */
  public static DevServer start(int port) {
    TestServicesStarter services = new TestServicesStarter(true, 0);
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    HealthStatusManager health = new HealthStatusManager();
    for (BindableService service : services.getServices()) {
      ServerServiceDefinition definition = service.bindService();
      if (service instanceof OperatorServiceGrpc.OperatorServiceImplBase operator) {
        DevSearchAttributes.register(operator);
        definition = DevSearchAttributes.answeringListing(definition);
      }
      builder.addService(ServerInterceptors.intercept(definition, new NoStickyQueues()));
      health.setStatus(service.bindService().getServiceDescriptor().getName(),
          io.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING);
    }
    builder.addService(health.getHealthService());
    try {
      return new DevServer(services, builder.build().start());
    } catch (IOException e) {
      services.close();
      throw new UncheckedIOException("cannot start the dev server on 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
  }

  public int port() {
    return server.getPort();
  }

  public String address() {
    return "127.0.0.1:" + port();
  }

  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  @Override
  public void close() {
    server.shutdown();
    try {
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
    services.close();
  }
}
