package io.paperpulse.cli.environment;

import io.paperpulse.local.LocalCluster;
import java.nio.file.Path;
import java.util.Map;

/** The embedded environment: a {@link LocalCluster} (KRaft broker and registry) in this JVM. */
final class EmbeddedEnvironment implements IntegrationEnvironment {

  private final LocalCluster cluster;

  private EmbeddedEnvironment(LocalCluster cluster) {
    this.cluster = cluster;
  }

  static EmbeddedEnvironment start(Path workDir) {
    return new EmbeddedEnvironment(
        LocalCluster.builder(workDir.resolve("embedded-cluster")).build().start());
  }

  @Override
  public EnvironmentKind kind() {
    return EnvironmentKind.EMBEDDED;
  }

  @Override
  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  @Override
  public String schemaRegistryUrl() {
    return cluster.schemaRegistryUrl();
  }

  @Override
  public Map<String, Object> clientProperties() {
    return cluster.clientProperties();
  }

  @Override
  public void close() {
    cluster.close();
  }
}
