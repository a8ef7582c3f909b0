package com.avesa.cutover.cli;

import com.avesa.cutover.runtime.dev.DevServer;
import java.io.UncheckedIOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code avesa dev-server}: only the embedded Temporal server, until SIGINT or SIGTERM. */
@Command(
    name = "dev-server",
    mixinStandardHelpOptions = true,
    description = "Run only the embedded Temporal server (in memory, real time) on 127.0.0.1 "
        + "until Ctrl-C, so that workers can be started, killed and replaced under it.",
    footer = {"", "Example:", "  avesa dev-server --port 7233 &", "  bin/avesa-worker"})
final class DevServerCommand extends AvesaCommand {
  @Option(names = "--port", paramLabel = "N",
      description = "Port on 127.0.0.1 (default: the port of env TEMPORAL_ADDRESS, else 7233).")
  Integer port;

  @Override
  protected int execute() throws InterruptedException {
    int chosen = port != null ? port : portOf(System.getenv("TEMPORAL_ADDRESS"));
    if (chosen < 0 || chosen > 65535) {
      throw new CliException(ExitCodes.USAGE, "--port: " + chosen + " is not a TCP port (0-65535)");
    }
    DevServer server;
    try {
      server = DevServer.start(chosen);
    } catch (UncheckedIOException e) {
      throw new CliException(ExitCodes.USAGE, e.getMessage() + " (is the port in use? pass --port N)");
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "dev-server-shutdown"));
    out().println("Temporal dev server on " + server.address() + " (in memory, real time) — Ctrl-C to stop");
    out().flush();
    server.awaitTermination();
    return ExitCodes.OK;
  }

  /** The port of a {@code host:port} address, 7233 when there is none. */
  static int portOf(String address) {
    if (address == null || address.isBlank()) {
      return 7233;
    }
    int colon = address.lastIndexOf(':');
    try {
      return colon < 0 ? 7233 : Integer.parseInt(address.substring(colon + 1).trim());
    } catch (NumberFormatException e) {
      throw new CliException(ExitCodes.USAGE,
          "TEMPORAL_ADDRESS: '" + address + "' has no port (host:port); pass --port N");
    }
  }
}
