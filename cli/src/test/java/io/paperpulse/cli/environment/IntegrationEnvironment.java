package io.paperpulse.cli.environment;

import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * A running Kafka cluster plus a Confluent-compatible Schema Registry that integration tests talk
 * to through their addresses only, so the same test proves paperpulse against the embedded cluster
 * and against Apache Kafka and Confluent Schema Registry in containers.
 */
public interface IntegrationEnvironment extends AutoCloseable {

  EnvironmentKind kind();

  String bootstrapServers();

  String schemaRegistryUrl();

  /** Settings for a Kafka client of this environment. */
  default Map<String, Object> clientProperties() {
    return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
  }

  /** Stops whatever {@link EnvironmentKind#start} started. */
  @Override
  void close();
}
