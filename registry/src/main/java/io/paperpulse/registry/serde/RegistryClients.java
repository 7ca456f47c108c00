package io.paperpulse.registry.serde;

import io.paperpulse.registry.client.RestSchemaRegistryClient;
import io.paperpulse.registry.client.SchemaRegistryClient;
import java.util.Map;

/**
 * The registry client a serde uses: the one it was given, or one it builds (and later closes) from
 * its config.
 */
final class RegistryClients {

  private SchemaRegistryClient client;
  private boolean owned;

  RegistryClients(SchemaRegistryClient given) {
    this.client = given;
  }

  void configure(Map<String, ?> config) {
    if (client == null) {
      client = RestSchemaRegistryClient.fromConfig(config);
      owned = true;
    }
  }

  SchemaRegistryClient get() {
    if (client == null) {
      throw new IllegalStateException(
          "serde not configured: call configure() with schema.registry.url "
              + "or construct it with a SchemaRegistryClient");
    }
    return client;
  }

  void close() {
    if (owned) {
      client.close();
      client = null;
      owned = false;
    }
  }
}
