package io.paperpulse.testsupport;

import io.paperpulse.registry.client.RestSchemaRegistryClient;
import io.paperpulse.registry.server.InMemorySchemaStore;
import io.paperpulse.registry.server.SchemaRegistryServer;

/**
 * The embedded schema registry over HTTP on an ephemeral port, schemas in memory, plus a client of
 * it: what a test needs to speak Confluent's REST API without a broker.
 */
public final class TestRegistry implements AutoCloseable {

  private final SchemaRegistryServer server;
  private final RestSchemaRegistryClient client;

  public TestRegistry() {
    server = SchemaRegistryServer.builder().store(new InMemorySchemaStore()).build().start();
    client = new RestSchemaRegistryClient(server.url());
  }

  public String url() {
    return server.url();
  }

  public RestSchemaRegistryClient client() {
    return client;
  }

  @Override
  public void close() {
    client.close();
    server.close();
  }
}
