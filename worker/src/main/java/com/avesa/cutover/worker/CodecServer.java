package com.avesa.cutover.worker;

import com.sun.net.httpserver.HttpServer;
import io.temporal.payload.codec.PayloadCodec;
import java.util.List;
import java.util.concurrent.ExecutorService;

/** The codec endpoint's own listener, apart from {@code /metrics}: {@code http://HOST:PORT/codec}. */
final class CodecServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final List<String> hosts;

  private CodecServer(HttpServer server, ExecutorService executor, List<String> hosts) {
    this.server = server;
    this.executor = executor;
    this.hosts = hosts;
  }

  /**
   * Serves {@code codec} as {@code settings} say.
   *
   * @throws WorkerSettings.InvalidSettingException when the host does not resolve or the port is taken
   */
  static CodecServer start(CodecSettings settings, PayloadCodec codec) {
    HttpServer server = HttpListener.bind(settings.host(), settings.port(), "the codec endpoint",
        () -> new WorkerSettings.InvalidSettingException(CodecSettings.PORT, Integer.toString(settings.port()),
            "the port is already in use: set " + CodecSettings.PORT + " to a free port (0 picks one)"));
    List<String> hosts = settings.allowedHosts(server.getAddress().getPort());
    server.createContext("/", new CodecEndpoint(codec, settings.token(), hosts, settings.origin(),
        settings.maxBodyBytes()));
    return new CodecServer(server, HttpListener.serve(server, "codec-http"), hosts);
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** The Host headers it answers. */
  List<String> hosts() {
    return hosts;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
