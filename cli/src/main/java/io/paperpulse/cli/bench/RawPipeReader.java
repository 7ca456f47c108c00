package io.paperpulse.cli.bench;

import io.paperpulse.registry.client.SchemaRegistryClient;
import io.paperpulse.registry.serde.SpecificAvroSerde;
import io.paperpulse.registry.serde.StringAvroSerde;
import io.paperpulse.schema.PaperEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bound the topology is measured against: a plain consumer reading the papers topic from the
 * start with the deserializers the topology uses (Confluent wire-format string keys and {@code
 * PaperEvent} values), doing nothing else with the records.
 */
final class RawPipeReader {

  private static final Logger LOG = LoggerFactory.getLogger(RawPipeReader.class);

  private static final Duration POLL = Duration.ofMillis(200);

  private final Map<String, Object> clientProperties;
  private final SchemaRegistryClient registry;

  RawPipeReader(Map<String, Object> clientProperties, SchemaRegistryClient registry) {
    this.clientProperties = Map.copyOf(clientProperties);
    this.registry = registry;
  }

  /** Reads the whole topic as it is now and reports how fast. */
  Throughput readAll(String topic, Duration timeout) {
    try (StringAvroSerde keys = StringAvroSerde.of(registry, true);
        SpecificAvroSerde<PaperEvent> values =
            SpecificAvroSerde.of(PaperEvent.class, registry, false);
        KafkaConsumer<String, PaperEvent> consumer =
            new KafkaConsumer<>(consumerConfig(), keys.deserializer(), values.deserializer())) {
      long expected = WholeTopic.assignFromStart(consumer, topic);
      long start = System.nanoTime();
      long deadline = start + timeout.toNanos();
      long read = 0;
      long tombstones = 0;
      while (read < expected) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "raw pipe read "
                  + read
                  + " of "
                  + expected
                  + " records in "
                  + timeout.toSeconds()
                  + " s");
        }
        ConsumerRecords<String, PaperEvent> records = consumer.poll(POLL);
        for (ConsumerRecord<String, PaperEvent> record : records) {
          // touching the value keeps the work honest: the deserializer's output is used
          if (record.value() == null) {
            tombstones++;
          }
        }
        read += records.count();
      }
      Throughput throughput = Throughput.of(read, Duration.ofNanos(System.nanoTime() - start));
      LOG.debug(
          "raw pipe: {} records ({} tombstones) in {} s", read, tombstones, throughput.seconds());
      return throughput;
    }
  }

  private Map<String, Object> consumerConfig() {
    Map<String, Object> config = new HashMap<>(clientProperties);
    // the same isolation and batch size as the exactly-once topology's consumer
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "paperpulse-bench-raw-pipe");
    return config;
  }
}
