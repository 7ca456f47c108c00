package io.paperpulse.it.support;

import io.paperpulse.registry.client.RestSchemaRegistryClient;
import io.paperpulse.registry.client.SchemaRegistryClient;
import io.paperpulse.registry.server.InMemorySchemaStore;
import io.paperpulse.registry.server.SchemaRegistryServer;
import java.util.Map;

/** An embedded schema registry over HTTP for one test class, plus a client of it. */
public final class TestRegistry implements AutoCloseable {

  private final SchemaRegistryServer server;
  private final SchemaRegistryClient client;

  public TestRegistry() {
    server = SchemaRegistryServer.builder().store(new InMemorySchemaStore()).build().start();
    client = RestSchemaRegistryClient.fromConfig(Map.of("schema.registry.url", server.url()));
  }

  public String url() {
    return server.url();
  }

  public SchemaRegistryClient client() {
    return client;
  }

  @Override
  public void close() {
    client.close();
    server.close();
  }
}
