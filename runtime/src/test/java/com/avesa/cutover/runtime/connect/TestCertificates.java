package com.avesa.cutover.runtime.connect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate and its PKCS#8 key as PEM files, made at test time with the JDK's
 * {@code keytool} (nothing secret is checked in).
 */
public record TestCertificates(Path cert, Path key) {
  private static final String PASSWORD = "changeit";

  public static TestCertificates generate(Path dir) throws IOException, InterruptedException {
    Path store = dir.resolve("test.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "test",
        "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost", "-validity", "2",
        "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD))
        .redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("keytool failed: " + output);
    }
    try (InputStream in = Files.newInputStream(store)) {
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(in, PASSWORD.toCharArray());
      Certificate certificate = keyStore.getCertificate("test");
      PrivateKey privateKey = (PrivateKey) keyStore.getKey("test", PASSWORD.toCharArray());
      return new TestCertificates(
          Files.writeString(dir.resolve("client.pem"), pem("CERTIFICATE", certificate.getEncoded())),
          Files.writeString(dir.resolve("client.key"), pem("PRIVATE KEY", privateKey.getEncoded())));
    } catch (java.security.GeneralSecurityException e) {
      throw new IOException("cannot read the generated key store", e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}
