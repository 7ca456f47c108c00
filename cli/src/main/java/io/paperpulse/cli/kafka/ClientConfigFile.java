package io.paperpulse.cli.kafka;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The {@code --config FILE} contents, split into what Kafka clients need (security.protocol,
 * sasl.*, ssl.*, any other client setting) and what the Schema Registry client needs (basic.auth.*,
 * schema.registry.*), using the same key names as Confluent's tools so an existing
 * client.properties works unchanged.
 */
public record ClientConfigFile(
    Map<String, String> kafkaClientSettings, Map<String, String> registryClientSettings) {

  public static final ClientConfigFile EMPTY = new ClientConfigFile(Map.of(), Map.of());

  public ClientConfigFile {
    kafkaClientSettings = Map.copyOf(kafkaClientSettings);
    registryClientSettings = Map.copyOf(registryClientSettings);
  }

  public static ClientConfigFile load(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    Map<String, String> kafka = new TreeMap<>();
    Map<String, String> registry = new TreeMap<>();
    for (String key : properties.stringPropertyNames()) {
      String value = properties.getProperty(key).strip();
      if (isRegistrySetting(key)) {
        registry.put(key, value);
      } else {
        kafka.put(key, value);
      }
    }
    return new ClientConfigFile(kafka, registry);
  }

  static boolean isRegistrySetting(String key) {
    return key.startsWith("schema.registry.") || key.startsWith("basic.auth.");
  }
}
