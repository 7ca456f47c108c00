package io.paperpulse.cli.environment;

import io.paperpulse.cli.deploy.ComposeFile;
import io.paperpulse.cli.deploy.ProjectRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Apache Kafka (KRaft, one node) and Confluent Schema Registry in Docker via Testcontainers, on a
 * private network where the registry reaches the broker as {@code kafka:19092}. The images are the
 * ones docker-compose.yml runs, read from it, so the test suite and the compose setup cannot drift
 * apart.
 */
final class ContainerEnvironment implements IntegrationEnvironment {

  private static final String BROKER_ALIAS = "kafka";
  private static final String BROKER_LISTENER = BROKER_ALIAS + ":19092";
  private static final int REGISTRY_PORT = 8081;

  private final Network network;
  private final KafkaContainer kafka;
  private final GenericContainer<?> registry;

  private ContainerEnvironment(
      Network network, KafkaContainer kafka, GenericContainer<?> registry) {
    this.network = network;
    this.kafka = kafka;
    this.registry = registry;
  }

  static ContainerEnvironment start() {
    ComposeFile compose = readComposeFile();
    Network network = Network.newNetwork();
    KafkaContainer kafka =
        new KafkaContainer(DockerImageName.parse(compose.serviceWithImage("apache/kafka").image()))
            .withNetwork(network)
            .withNetworkAliases(BROKER_ALIAS)
            .withListener(BROKER_LISTENER);
    GenericContainer<?> registry =
        new GenericContainer<>(
                DockerImageName.parse(
                    compose.serviceWithImage("confluentinc/cp-schema-registry").image()))
            .withNetwork(network)
            .withExposedPorts(REGISTRY_PORT)
            .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
            .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:" + REGISTRY_PORT)
            .withEnv(
                "SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://" + BROKER_LISTENER)
            .withEnv("SCHEMA_REGISTRY_KAFKASTORE_TOPIC_REPLICATION_FACTOR", "1")
            .dependsOn(kafka)
            .waitingFor(
                Wait.forHttp("/subjects")
                    .forStatusCode(200)
                    .withStartupTimeout(Duration.ofMinutes(2)));
    ContainerEnvironment environment = new ContainerEnvironment(network, kafka, registry);
    try {
      kafka.start();
      registry.start();
      return environment;
    } catch (RuntimeException e) {
      environment.close();
      throw e;
    }
  }

  @Override
  public EnvironmentKind kind() {
    return EnvironmentKind.CONTAINERS;
  }

  @Override
  public String bootstrapServers() {
    return kafka.getBootstrapServers();
  }

  @Override
  public String schemaRegistryUrl() {
    return "http://" + registry.getHost() + ":" + registry.getMappedPort(REGISTRY_PORT);
  }

  @Override
  public void close() {
    registry.stop();
    kafka.stop();
    network.close();
  }

  private static ComposeFile readComposeFile() {
    try {
      return ComposeFile.read(ProjectRoot.find().resolve("docker-compose.yml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
