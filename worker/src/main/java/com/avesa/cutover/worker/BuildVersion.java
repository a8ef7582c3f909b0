package com.avesa.cutover.worker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code avesa-worker -V}: the version Maven wrote into {@value #RESOURCE} when it built the worker,
 * with the Temporal SDK it was built with and the Java it runs on.
 */
final class BuildVersion implements IVersionProvider {
  static final String RESOURCE = "/avesa-worker-build.properties";

  @Override
  public String[] getVersion() {
    Properties build = read();
    return new String[] {
        "avesa-worker " + build.getProperty("version", "unknown"),
        "Temporal Java SDK " + build.getProperty("temporal.sdk", "unknown") + ", Java "
            + System.getProperty("java.version")};
  }

  static Properties read() {
    Properties properties = new Properties();
    try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
