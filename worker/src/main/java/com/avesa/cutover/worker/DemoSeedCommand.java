package com.avesa.cutover.worker;

import com.avesa.cutover.activities.demo.DemoEstate;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code avesa-worker seed-demo}: seeds the demo AVESA estate into an AWS emulator and optionally
 * writes the matching config file. Run by {@code avesa demo} as a child process, because the CLI
 * has no AWS SDK.
 */
@Command(name = DemoSeedCommand.NAME, mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
    usageHelpWidth = 120,
    description = "Seed the demo AVESA estate (tenants, objects, tables, secrets, the deployment role) into"
        + " the AWS emulator at URL and write the matching config.")
final class DemoSeedCommand implements Callable<Integer> {
  static final String NAME = "seed-demo";
  static final int DEFAULT_OBJECTS_PER_TENANT = 5;

  @Option(names = "--endpoint", required = true, paramLabel = "URL", description = "The emulator, e.g. http://127.0.0.1:5000.")
  String endpoint;

  @Option(names = "--region", paramLabel = "REGION", defaultValue = "us-east-1", description = "Default: ${DEFAULT-VALUE}.")
  String region;

  @Option(names = "--objects-per-tenant", paramLabel = "N", defaultValue = "" + DEFAULT_OBJECTS_PER_TENANT,
      description = "Objects under each tenant's raw/ and canonical/ (default ${DEFAULT-VALUE}).")
  String objectsPerTenant;

  @Option(names = "--config-out", paramLabel = "FILE", description = "Write the matching avesa config here.")
  Path configOut;

  @Spec CommandSpec spec;

  private final PrintStream out;
  private final PrintStream err;

  DemoSeedCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    UsageErrors.requireValue(spec, "--endpoint", endpoint);
    int objects = positive("--objects-per-tenant", objectsPerTenant);
    String summary;
    try {
      summary = DemoEstate.seed(endpoint, region, objects);
    } catch (RuntimeException e) {
      err.println("avesa-worker seed-demo: seeding " + endpoint + " failed: " + oneLine(e));
      return WorkerMain.EXIT_FAILURE;
    }
    out.println(summary);
    if (configOut != null) {
      try {
        Files.writeString(configOut, DemoEstate.cutoverConfigYaml(endpoint, region), StandardCharsets.UTF_8);
      } catch (IOException e) {
        err.println("avesa-worker seed-demo: cannot write " + configOut + ": " + e.getMessage());
        return WorkerMain.EXIT_FAILURE;
      }
    }
    return WorkerMain.EXIT_OK;
  }

  private int positive(String option, String value) {
    int number;
    try {
      number = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      number = 0;
    }
    if (number <= 0) {
      throw new ParameterException(spec.commandLine(),
          option + " must be a positive whole number, not '" + value + "'");
    }
    return number;
  }

  private static String oneLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.replaceAll("\\s*\\R\\s*", " ");
  }
}
