package io.paperpulse.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.cli.kafka.ClientConfigFile;
import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

/**
 * The SASL/SSL example the README points to must be a file paperpulse reads the way the README
 * says.
 */
class ClientConfigExampleTest {

  @Test
  void splitsIntoRealKafkaClientSettingsAndRegistrySettings() throws Exception {
    ClientConfigFile config =
        ClientConfigFile.load(ProjectRoot.find().resolve("deploy/client-sasl-ssl.properties"));

    Set<String> kafkaSettings = new HashSet<>(ProducerConfig.configNames());
    kafkaSettings.addAll(ConsumerConfig.configNames());
    kafkaSettings.addAll(AdminClientConfig.configNames());
    assertThat(kafkaSettings).containsAll(config.kafkaClientSettings().keySet());
    assertThat(config.kafkaClientSettings())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsKeys("sasl.mechanism", "sasl.jaas.config", "ssl.truststore.location");
    assertThat(config.kafkaClientSettings().get("sasl.jaas.config")).endsWith(";");
    assertThat(config.registryClientSettings())
        .containsEntry("basic.auth.credentials.source", "USER_INFO")
        .containsKeys("basic.auth.user.info", "schema.registry.ssl.truststore.location");
  }
}
