package com.avesa.cutover.runtime.connect;

import io.temporal.serviceclient.SimpleSslContextBuilder;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Objects;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Where a Temporal frontend is and how to authenticate to it: plain gRPC (the dev server), mutual
 * TLS with a client certificate, an API key over TLS (Temporal Cloud), or both. The worker and the
 * CLI build their connection options here, so both speak to a server the same way.
 *
 * <p>{@link #toString()} never shows the API key.
 *
 * @param address {@code host:port} of the frontend
 * @param namespace the Temporal namespace
 * @param tlsCert PEM client certificate (chain); null without mutual TLS
 * @param tlsKey PKCS#8 PEM private key of {@code tlsCert}; null exactly when {@code tlsCert} is
 * @param tlsCa PEM certificates to trust instead of the JVM's; null for the JVM's
 * @param apiKey bearer API key (Temporal Cloud); null without one
 */
public record TemporalTarget(
    String address, String namespace, Path tlsCert, Path tlsKey, Path tlsCa, String apiKey) {

  public static final String CERT_OPTION = "--tls-cert (TEMPORAL_TLS_CERT)";
  public static final String KEY_OPTION = "--tls-key (TEMPORAL_TLS_KEY)";
  public static final String CA_OPTION = "--tls-ca (TEMPORAL_TLS_CA)";

  /**
   * @throws InvalidTargetException when only one of the certificate and its key is given
   */
  public TemporalTarget {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(namespace, "namespace");
    apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
    if (tlsCert != null && tlsKey == null) {
      throw new InvalidTargetException(CERT_OPTION + " needs its private key: give " + KEY_OPTION + " too");
    }
    if (tlsKey != null && tlsCert == null) {
      throw new InvalidTargetException(KEY_OPTION + " needs its certificate: give " + CERT_OPTION + " too");
    }
  }

  /** A plaintext target: the embedded dev server or a local Temporal. */
  public static TemporalTarget plain(String address, String namespace) {
    return new TemporalTarget(address, namespace, null, null, null, null);
  }

  /** True when the connection uses TLS: a certificate, a CA or an API key is set. */
  public boolean usesTls() {
    return tlsCert != null || tlsCa != null || apiKey != null;
  }

  /**
   * The connection options for this target, reading the certificate files now.
   *
   * @throws InvalidTargetException naming the option and file that cannot be used
   */
  public WorkflowServiceStubsOptions.Builder serviceStubsOptions() {
    WorkflowServiceStubsOptions.Builder options = WorkflowServiceStubsOptions.newBuilder().setTarget(address);
    if (tlsCert != null || tlsCa != null) {
      options.setSslContext(sslContext());
    } else if (apiKey != null) {
      options.setEnableHttps(true);
    }
    if (apiKey != null) {
      String key = apiKey;
      options.addApiKey(() -> key);
    }
    return options;
  }

  private io.grpc.netty.shaded.io.netty.handler.ssl.SslContext sslContext() {
    SimpleSslContextBuilder builder = tlsCert == null
        ? SimpleSslContextBuilder.noKeyOrCertChain()
        : SimpleSslContextBuilder.forPKCS8(
            new ByteArrayInputStream(read(CERT_OPTION, tlsCert)), new ByteArrayInputStream(read(KEY_OPTION, tlsKey)));
    if (tlsCa != null) {
      builder.setTrustManager(trustManager(tlsCa));
    }
    try {
      return builder.build();
    } catch (IOException | RuntimeException e) {
      throw new InvalidTargetException(CERT_OPTION + " " + tlsCert + " / " + KEY_OPTION + " " + tlsKey
          + ": not a PEM certificate and its PKCS#8 PEM key (" + firstLine(e) + ")");
    }
  }

  private static TrustManager trustManager(Path caFile) {
    byte[] pem = read(CA_OPTION, caFile);
    try (InputStream in = new ByteArrayInputStream(pem)) {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) {
        throw new InvalidTargetException(CA_OPTION + " " + caFile + ": no PEM certificate in it");
      }
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      int n = 0;
      for (Certificate certificate : certificates) {
        trusted.setCertificateEntry("ca-" + n++, certificate);
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trusted);
      return factory.getTrustManagers()[0];
    } catch (GeneralSecurityException | IOException e) {
      throw new InvalidTargetException(CA_OPTION + " " + caFile + ": not a PEM certificate (" + firstLine(e) + ")");
    }
  }

  private static byte[] read(String option, Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new InvalidTargetException(option + " " + file + ": no such file");
    } catch (IOException e) {
      throw new InvalidTargetException(option + " " + file + ": cannot read it (" + firstLine(e) + ")");
    }
  }

  private static String firstLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse(message);
  }

  @Override
  public String toString() {
    return "TemporalTarget[address=" + address + ", namespace=" + namespace + ", tlsCert=" + tlsCert
        + ", tlsKey=" + tlsKey + ", tlsCa=" + tlsCa + ", apiKey=" + (apiKey == null ? "none" : "(set)") + "]";
  }

  /** The target cannot be used as given; the message is one line naming the option and the file. */
  public static final class InvalidTargetException extends IllegalArgumentException {
    public InvalidTargetException(String message) {
      super(message);
    }
  }
}
