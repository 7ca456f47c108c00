package io.paperpulse.streams.testing;

import io.paperpulse.registry.client.RestSchemaRegistryClient;
import io.paperpulse.registry.server.InMemorySchemaStore;
import io.paperpulse.registry.server.SchemaRegistryServer;
import io.paperpulse.streams.topology.RegistryTopologySerdes;

/**
 * A real schema registry over HTTP on an ephemeral port, with a client and topology serdes on it.
 */
public final class TestRegistry implements AutoCloseable {

  private final SchemaRegistryServer server;
  private final RestSchemaRegistryClient client;

  public TestRegistry() {
    server = new SchemaRegistryServer(0, new InMemorySchemaStore()).start();
    client = new RestSchemaRegistryClient(server.url());
  }

  public String url() {
    return server.url();
  }

  public RestSchemaRegistryClient client() {
    return client;
  }

  public RegistryTopologySerdes serdes() {
    return new RegistryTopologySerdes(client);
  }

  @Override
  public void close() {
    client.close();
    server.close();
  }
}
