package io.paperpulse.streams.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.registry.client.RestSchemaRegistryClient;
import io.paperpulse.registry.serde.SpecificAvroSerde;
import io.paperpulse.registry.serde.StringAvroSerde;
import io.paperpulse.schema.PaperEvent;
import io.paperpulse.schema.TagCount;
import io.paperpulse.schema.TagCountKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.streams.KeyValue;

/**
 * A one-node in-JVM KRaft broker with an HTTP schema registry, and the clients tests need on it.
 */
public final class TestCluster implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final KafkaClusterTestKit kafka;
  private final TestRegistry registry;
  private final RestSchemaRegistryClient client;

  private TestCluster(KafkaClusterTestKit kafka, TestRegistry registry) {
    this.kafka = kafka;
    this.registry = registry;
    this.client = new RestSchemaRegistryClient(registry.url());
  }

  public static TestCluster start() throws Exception {
    KafkaClusterTestKit kafka =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("transaction.state.log.replication.factor", "1")
            .setConfigProp("transaction.state.log.min.isr", "1")
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .build();
    kafka.format();
    kafka.startup();
    kafka.waitForReadyBrokers();
    return new TestCluster(kafka, new TestRegistry());
  }

  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  public String registryUrl() {
    return registry.url();
  }

  /** Publishes papers (null value: delete) keyed by id, and waits until all are acknowledged. */
  public void publish(String topic, Collection<KeyValue<String, PaperEvent>> papers) {
    Map<String, Object> props =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.ACKS_CONFIG,
            "all");
    try (KafkaProducer<String, PaperEvent> producer =
        new KafkaProducer<>(
            props,
            StringAvroSerde.of(client, true).serializer(),
            SpecificAvroSerde.of(PaperEvent.class, client, false).serializer())) {
      for (KeyValue<String, PaperEvent> paper : papers) {
        producer.send(new ProducerRecord<>(topic, paper.key, paper.value));
      }
      producer.flush();
    }
  }

  /** Publishes raw bytes, e.g. a record no Avro deserializer can read. */
  public void publishRaw(String topic, byte[] key, byte[] value) {
    Map<String, Object> props =
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value));
      producer.flush();
    }
  }

  /** Every committed record of a tag-counts topic, in offset order per partition. */
  public List<KeyValue<TagCountKey, TagCount>> readTagCounts(String topic) {
    return read(topic, TagCountKey.class, TagCount.class);
  }

  /**
   * Every committed record of a topic of registry-Avro keys and values, in offset order per
   * partition.
   */
  public <K extends SpecificRecord, V extends SpecificRecord> List<KeyValue<K, V>> read(
      String topic, Class<K> keyType, Class<V> valueType) {
    Map<String, Object> props =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false);
    List<KeyValue<K, V>> records = new ArrayList<>();
    try (KafkaConsumer<K, V> consumer =
        new KafkaConsumer<>(
            props,
            SpecificAvroSerde.of(keyType, client, true).deserializer(),
            SpecificAvroSerde.of(valueType, client, false).deserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        assertThat(System.nanoTime()).as("read %s within %s", topic, TIMEOUT).isLessThan(deadline);
        for (ConsumerRecord<K, V> record : consumer.poll(Duration.ofMillis(200))) {
          records.add(KeyValue.pair(record.key(), record.value()));
        }
      }
    }
    return records;
  }

  @Override
  public void close() throws Exception {
    client.close();
    registry.close();
    kafka.close();
  }
}
