package io.paperpulse.registry.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the TLS context for https registries from Confluent's {@code schema.registry.ssl.*}
 * properties.
 */
final class SslContexts {

  static final String PREFIX = "schema.registry.ssl.";

  private SslContexts() {}

  /** Empty when neither a truststore nor a keystore is configured: the JDK defaults then apply. */
  static Optional<SSLContext> fromConfig(Map<String, ?> config) {
    Optional<String> trustLocation =
        ClientSettings.stringSetting(config, PREFIX + "truststore.location");
    Optional<String> keyLocation =
        ClientSettings.stringSetting(config, PREFIX + "keystore.location");
    if (trustLocation.isEmpty() && keyLocation.isEmpty()) {
      return Optional.empty();
    }
    try {
      TrustManagerFactory tmf = null;
      if (trustLocation.isPresent()) {
        KeyStore trust =
            load(
                trustLocation.get(),
                ClientSettings.stringSetting(config, PREFIX + "truststore.type").orElse("JKS"),
                ClientSettings.stringSetting(config, PREFIX + "truststore.password").orElse(null));
        tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
      }
      KeyManagerFactory kmf = null;
      if (keyLocation.isPresent()) {
        String storePassword =
            ClientSettings.stringSetting(config, PREFIX + "keystore.password").orElse(null);
        KeyStore keys =
            load(
                keyLocation.get(),
                ClientSettings.stringSetting(config, PREFIX + "keystore.type").orElse("JKS"),
                storePassword);
        String keyPassword =
            ClientSettings.stringSetting(config, PREFIX + "key.password").orElse(storePassword);
        kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, keyPassword == null ? new char[0] : keyPassword.toCharArray());
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          kmf == null ? null : kmf.getKeyManagers(),
          tmf == null ? null : tmf.getTrustManagers(),
          null);
      return Optional.of(context);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException(
          "cannot set up TLS for the schema registry: " + e.getMessage(), e);
    }
  }

  private static KeyStore load(String location, String type, String password)
      throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance(type);
    try (InputStream in = Files.newInputStream(Path.of(location))) {
      store.load(in, password == null ? null : password.toCharArray());
    }
    return store;
  }
}
