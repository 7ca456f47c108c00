package io.paperpulse.registry.testing;

import io.paperpulse.registry.server.InMemorySchemaStore;
import io.paperpulse.registry.server.SchemaRegistryServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of tests that speak HTTP to a fresh in-memory registry server, one per test. */
public abstract class InMemoryRegistryTest {

  protected SchemaRegistryServer server;
  protected RawHttp http;

  @BeforeEach
  void startRegistry() {
    server = new SchemaRegistryServer(0, new InMemorySchemaStore()).start();
    http = new RawHttp(server.url());
  }

  @AfterEach
  void stopRegistry() {
    server.close();
  }
}
