package com.avesa.cutover.worker;

import com.avesa.cutover.activities.demo.DemoEstate;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code avesa-worker seed-demo}: seeds the demo AVESA estate into an AWS emulator and optionally
 * writes the matching config file. Run by {@code avesa demo} as a child process, because the CLI
 * has no AWS SDK.
 */
final class DemoSeedCommand {
  static final String NAME = "seed-demo";
  static final String USAGE =
      "avesa-worker seed-demo --endpoint URL [--region REGION] [--objects-per-tenant N] [--config-out FILE]";
  static final int DEFAULT_OBJECTS_PER_TENANT = 5;

  private final PrintStream out;
  private final PrintStream err;

  DemoSeedCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** Runs with the arguments after {@code seed-demo}; returns the exit code. */
  int run(List<String> args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("avesa-worker seed-demo: " + e.getMessage() + " (usage: " + USAGE + ")");
      return WorkerMain.EXIT_USAGE;
    }
    String summary;
    try {
      summary = DemoEstate.seed(options.endpoint, options.region, options.objectsPerTenant);
    } catch (RuntimeException e) {
      err.println("avesa-worker seed-demo: seeding " + options.endpoint + " failed: " + oneLine(e));
      return WorkerMain.EXIT_FAILURE;
    }
    out.println(summary);
    if (options.configOut != null) {
      try {
        Files.writeString(options.configOut, DemoEstate.cutoverConfigYaml(options.endpoint, options.region),
            StandardCharsets.UTF_8);
      } catch (IOException e) {
        err.println("avesa-worker seed-demo: cannot write " + options.configOut + ": " + e.getMessage());
        return WorkerMain.EXIT_FAILURE;
      }
    }
    return WorkerMain.EXIT_OK;
  }

  private static String oneLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.replaceAll("\\s*\\R\\s*", " ");
  }

  private record Options(String endpoint, String region, int objectsPerTenant, Path configOut) {
    static Options parse(List<String> args) {
      String endpoint = null;
      String region = "us-east-1";
      int objects = DEFAULT_OBJECTS_PER_TENANT;
      Path configOut = null;
      for (int i = 0; i < args.size(); i++) {
        String option = args.get(i);
        String value = valueOf(args, ++i, option);
        switch (option) {
          case "--endpoint" -> endpoint = value;
          case "--region" -> region = value;
          case "--objects-per-tenant" -> objects = positive(option, value);
          case "--config-out" -> configOut = Path.of(value);
          default -> throw new IllegalArgumentException("unknown argument '" + option + "'");
        }
      }
      if (endpoint == null) {
        throw new IllegalArgumentException("--endpoint is required");
      }
      return new Options(endpoint, region, objects, configOut);
    }

    private static String valueOf(List<String> args, int index, String option) {
      if (!option.startsWith("--")) {
        throw new IllegalArgumentException("unknown argument '" + option + "'");
      }
      if (index >= args.size() || args.get(index).startsWith("--")) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args.get(index);
    }

    private static int positive(String option, String value) {
      int number;
      try {
        number = Integer.parseInt(value);
      } catch (NumberFormatException e) {
        number = 0;
      }
      if (number <= 0) {
        throw new IllegalArgumentException(option + " must be a positive whole number, not '" + value + "'");
      }
      return number;
    }
  }
}
