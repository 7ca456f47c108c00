package io.paperpulse.streams.app;

import io.paperpulse.streams.errors.CountingDeserializationHandler;
import io.paperpulse.streams.errors.DeadLetterProcessingHandler;
import io.paperpulse.streams.errors.DeadLetterProductionHandler;
import io.paperpulse.streams.memory.BoundedRocksDbConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.StreamsConfig;

/** Translates a {@link StreamsAppConfig} into Kafka client properties. */
public final class StreamsProperties {

  /** Registry setting carrying its URL, under Confluent's name. */
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

  /** Record cache of all stores of one instance (heap), unless the client properties set one. */
  public static final long DEFAULT_RECORD_CACHE_BYTES = 64L * 1024 * 1024;

  /** Commit interval, unless the client properties set one. */
  public static final long DEFAULT_COMMIT_INTERVAL_MS = 1_000;

  private StreamsProperties() {}

  /** Properties for {@code KafkaStreams}. */
  public static Properties streams(StreamsAppConfig config) {
    Properties props = new Properties();
    props.putAll(config.clientProperties());
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.guarantee().configValue());
    props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.numStandbyReplicas());
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.replicationFactor());
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
    props.put(SCHEMA_REGISTRY_URL, config.schemaRegistryUrl());
    // The record cache collapses repeated writes of a key between commits. Kafka's 10 MB default
    // fills within one commit at a few thousand papers per second, and a full cache evicts (and
    // flushes a whole store) on nearly every write; a setting in the config file still wins.
    props.putIfAbsent(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, DEFAULT_RECORD_CACHE_BYTES);
    // Counts and rankings are written when the record cache is flushed, at each commit: the
    // commit interval is the output's latency and the window in which repeated changes of a key
    // become one record. Kafka's defaults (100 ms under exactly-once, 30 s at least once) are
    // either many small transactions or half a minute behind; see docs/benchmarks.md.
    props.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, DEFAULT_COMMIT_INTERVAL_MS);
    // all stores share one bounded block cache and memtable budget
    // (paperpulse.rocksdb.memory.bytes)
    props.put(
        StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbConfig.class.getName());
    if (config.applicationServer() != null) {
      // lets every instance find which one hosts a key, and how to reach it over HTTP
      props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, config.applicationServer());
    }
    return props;
  }

  /** Properties for an admin client on the same cluster with the same security settings. */
  public static Map<String, Object> admin(StreamsAppConfig config) {
    Map<String, Object> props = new HashMap<>(config.clientProperties());
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    return props;
  }

  /** Settings for the schema registry client: the URL plus any extra (auth, TLS) settings. */
  public static Map<String, Object> registry(StreamsAppConfig config) {
    Map<String, Object> props = new HashMap<>(config.clientProperties());
    props.put(SCHEMA_REGISTRY_URL, config.schemaRegistryUrl());
    return props;
  }
}
