package io.paperpulse.streams.app;

import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import io.paperpulse.streams.errors.CountingDeserializationHandler;
import io.paperpulse.streams.errors.DeadLetterProcessingHandler;
import io.paperpulse.streams.errors.DeadLetterProductionHandler;
import io.paperpulse.streams.memory.BoundedRocksDbConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.StreamsConfig;

/** Translates a {@link PaperPulseStreamsConfig} into Kafka client properties. */
public final class StreamsProperties {

  private StreamsProperties() {}

  /**
   * Properties for {@code KafkaStreams}: every client setting given, the checked values of the
   * Kafka Streams keys the configuration defines, and the handlers and topic names the topology
   * depends on, which no setting overrides.
   */
  public static Properties streams(PaperPulseStreamsConfig config) {
    Properties props = new Properties();
    props.putAll(config.clientSettings());
    props.putAll(config.kafkaStreamsSettings());
    // Corrupt bytes on the papers topic go to the dead-letter topic with Kafka's own headers
    // (KIP-1034); failing records never stop the application.
    props.put(
        StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, config.topics().papersDlq());
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        CountingDeserializationHandler.class.getName());
    // Records an operator throws on, or whose output cannot be written (too large for the topic),
    // are dead-lettered with their stage too; neither stops the application.
    props.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterProcessingHandler.class.getName());
    props.put(
        StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterProductionHandler.class.getName());
    // The topology has no global stores; opting in to the handler for them (Kafka 5.0's default)
    // only spares every start a warning that recommends it.
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    props.put(PaperPulseStreamsConfig.SCHEMA_REGISTRY_URL_CONFIG, config.schemaRegistryUrl());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    // all stores share one bounded block cache and memtable budget
    // (paperpulse.rocksdb.memory.bytes, among the settings above)
    props.put(
        StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbConfig.class.getName());
    return props;
  }

  /** Properties for an admin client on the same cluster with the same security settings. */
  public static Map<String, Object> admin(PaperPulseStreamsConfig config) {
    Map<String, Object> props = new HashMap<>(config.clientSettings());
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    return props;
  }

  /** Settings for the schema registry client: the URL plus any extra (auth, TLS) settings. */
  public static Map<String, Object> registry(PaperPulseStreamsConfig config) {
    Map<String, Object> props = new HashMap<>(config.clientSettings());
    props.put(PaperPulseStreamsConfig.SCHEMA_REGISTRY_URL_CONFIG, config.schemaRegistryUrl());
    return props;
  }
}
