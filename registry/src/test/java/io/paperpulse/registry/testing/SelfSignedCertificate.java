package io.paperpulse.registry.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A PKCS12 key store with a self-signed certificate for 127.0.0.1 and localhost, and a PKCS12 trust
 * store holding that certificate, made by the JDK's keytool. keytool runs in its own JVM, which is
 * slow on a busy machine: make them once per test class.
 */
public final class SelfSignedCertificate {

  private SelfSignedCertificate() {}

  /**
   * Writes {@code keyStore} and {@code trustStore}, both protected by {@code password}; the
   * certificate, in PEM, goes beside the key store as {@code <alias>.pem}.
   */
  public static void create(Path keyStore, Path trustStore, String alias, String password)
      throws IOException, InterruptedException {
    Path certificate = keyStore.resolveSibling(alias + ".pem");
    keytool(
        "-genkeypair",
        "-alias",
        alias,
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-validity",
        "2",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=ip:127.0.0.1,dns:localhost",
        "-storetype",
        "PKCS12",
        "-keystore",
        keyStore.toString(),
        "-storepass",
        password,
        "-keypass",
        password);
    keytool(
        "-exportcert",
        "-alias",
        alias,
        "-rfc",
        "-keystore",
        keyStore.toString(),
        "-storepass",
        password,
        "-file",
        certificate.toString());
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        alias,
        "-file",
        certificate.toString(),
        "-storetype",
        "PKCS12",
        "-keystore",
        trustStore.toString(),
        "-storepass",
        password);
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("keytool failed: " + command + ": " + output);
    }
  }
}
