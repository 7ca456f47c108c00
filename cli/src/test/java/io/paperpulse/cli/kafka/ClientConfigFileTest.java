package io.paperpulse.cli.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientConfigFileTest {

  @Test
  void separatesKafkaClientSettingsFromRegistrySettings(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("client.properties");
    Files.writeString(
        file,
        """
                security.protocol=SASL_SSL
                sasl.mechanism=PLAIN
                sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="p";
                ssl.truststore.location=/etc/truststore.jks
                basic.auth.credentials.source=USER_INFO
                basic.auth.user.info=key:secret
                schema.registry.ssl.truststore.location=/etc/registry.jks
                """);

    ClientConfigFile config = ClientConfigFile.load(file);

    assertThat(config.kafkaClientSettings())
        .containsOnlyKeys(
            "security.protocol", "sasl.mechanism", "sasl.jaas.config", "ssl.truststore.location");
    assertThat(config.kafkaClientSettings().get("sasl.jaas.config")).endsWith("password=\"p\";");
    assertThat(config.registryClientSettings())
        .containsOnlyKeys(
            "basic.auth.credentials.source",
            "basic.auth.user.info",
            "schema.registry.ssl.truststore.location");
  }
}
