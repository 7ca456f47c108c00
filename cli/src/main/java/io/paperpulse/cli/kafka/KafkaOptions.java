package io.paperpulse.cli.kafka;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Connection options shared by every command that talks to Kafka: where the cluster and registry
 * are, the client settings file for secured clusters, and the topic prefix. Mixed into commands
 * with {@code @Mixin}.
 */
public final class KafkaOptions {

  /**
   * Confluent's key for the registry URL, understood by the project's registry client and serdes.
   */
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

  @Spec(Spec.Target.MIXEE)
  private CommandSpec command;

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT",
      description = "Kafka bootstrap servers (env PAPERPULSE_BOOTSTRAP_SERVERS).")
  private String bootstrapServers;

  @Option(
      names = "--schema-registry",
      paramLabel = "URL",
      description = "Schema Registry URL (env PAPERPULSE_SCHEMA_REGISTRY).")
  private String schemaRegistryUrl;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Client properties merged into every Kafka client (security.protocol, sasl.*, ssl.*) "
              + "and the registry client (basic.auth.user.info, schema.registry.ssl.*); for "
              + "streams also any of its configuration keys.")
  private Path configFile;

  @Option(
      names = "--topic-prefix",
      paramLabel = "PREFIX",
      defaultValue = "",
      description = "Prepended to every topic name (default: none).")
  private String topicPrefix;

  private ClientConfigFile loadedConfig;

  /** Settings for any Kafka client: the config file plus bootstrap servers. */
  public Map<String, Object> kafkaClientProperties() {
    Map<String, Object> properties = new LinkedHashMap<>(clientConfig().kafkaClientSettings());
    properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return properties;
  }

  /**
   * Registry client settings with Confluent's key names: {@code schema.registry.url} plus the
   * credentials and TLS settings from the config file.
   */
  public Map<String, Object> registryClientProperties() {
    Map<String, Object> properties = new LinkedHashMap<>(clientConfig().registryClientSettings());
    properties.put(SCHEMA_REGISTRY_URL, schemaRegistryUrl());
    return properties;
  }

  public String bootstrapServers() {
    return require(bootstrapServers, "--bootstrap-servers");
  }

  public String schemaRegistryUrl() {
    return require(schemaRegistryUrl, "--schema-registry");
  }

  /** What {@code --topic-prefix} prepends to every topic name; empty by default. */
  public String topicPrefix() {
    return topicPrefix;
  }

  /** The actual topic name for a default or user-given name. */
  public String topic(String name) {
    return topicPrefix + name;
  }

  private ClientConfigFile clientConfig() {
    if (loadedConfig == null) {
      loadedConfig = configFile == null ? ClientConfigFile.EMPTY : read(configFile);
    }
    return loadedConfig;
  }

  private ClientConfigFile read(Path file) {
    try {
      return ClientConfigFile.load(file);
    } catch (IOException e) {
      throw new ParameterException(
          command.commandLine(), "Cannot read --config file " + file + ": " + e);
    }
  }

  // Not declared required=true: the value may legitimately come from the environment instead.
  private String require(String value, String optionName) {
    if (value == null || value.isBlank()) {
      throw new ParameterException(
          command.commandLine(),
          "Missing required option '"
              + optionName
              + "' (or environment variable "
              + io.paperpulse.cli.EnvironmentDefaults.variableFor(optionName)
              + ")");
    }
    return value.strip();
  }
}
