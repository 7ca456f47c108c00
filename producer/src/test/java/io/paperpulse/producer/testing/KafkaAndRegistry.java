package io.paperpulse.producer.testing;

import io.paperpulse.registry.serde.SpecificAvroSerde;
import io.paperpulse.registry.serde.StringAvroSerde;
import io.paperpulse.registry.server.InMemorySchemaStore;
import io.paperpulse.registry.server.SchemaRegistryServer;
import io.paperpulse.schema.PaperEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A one-node in-JVM KRaft cluster plus the project's schema registry over HTTP, for one test class.
 */
public final class KafkaAndRegistry implements AutoCloseable {

  private final KafkaClusterTestKit cluster;
  private final SchemaRegistryServer registry;

  private KafkaAndRegistry(KafkaClusterTestKit cluster, SchemaRegistryServer registry) {
    this.cluster = cluster;
    this.registry = registry;
  }

  public static KafkaAndRegistry start() throws Exception {
    KafkaClusterTestKit cluster =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("transaction.state.log.replication.factor", "1")
            .setConfigProp("transaction.state.log.min.isr", "1")
            // One partition each: creating 50 internal partitions dominates a short test on a small
            // machine.
            .setConfigProp("transaction.state.log.num.partitions", "1")
            .setConfigProp("offsets.topic.num.partitions", "1")
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .build();
    cluster.format();
    cluster.startup();
    cluster.waitForReadyBrokers();
    SchemaRegistryServer registry = new SchemaRegistryServer(0, new InMemorySchemaStore()).start();
    return new KafkaAndRegistry(cluster, registry);
  }

  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  public String registryUrl() {
    return registry.url();
  }

  public Map<String, Object> clientProperties() {
    Map<String, Object> props = new HashMap<>();
    props.put("bootstrap.servers", bootstrapServers());
    return props;
  }

  public Serializer<String> keySerializer() {
    StringAvroSerde serde = new StringAvroSerde();
    serde.configure(Map.of("schema.registry.url", registryUrl()), true);
    return serde.serializer();
  }

  public Serializer<PaperEvent> valueSerializer() {
    SpecificAvroSerde<PaperEvent> serde = new SpecificAvroSerde<>(PaperEvent.class);
    serde.configure(Map.of("schema.registry.url", registryUrl()), false);
    return serde.serializer();
  }

  public void createTopic(String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
  }

  /**
   * Every committed record of the single-partition topic, in offset order, once every transaction
   * in it is decided. A committed transaction's markers reach the partition shortly after {@code
   * commitTransaction} returns, so until then the last stable offset lags behind.
   */
  public List<ConsumerRecord<String, PaperEvent>> readCommitted(String topic) {
    StringAvroSerde keys = new StringAvroSerde();
    keys.configure(Map.of("schema.registry.url", registryUrl()), true);
    SpecificAvroSerde<PaperEvent> values = new SpecificAvroSerde<>(PaperEvent.class);
    values.configure(Map.of("schema.registry.url", registryUrl()), false);
    List<ConsumerRecord<String, PaperEvent>> records = new ArrayList<>();
    TopicPartition partition = new TopicPartition(topic, 0);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    try (KafkaConsumer<String, PaperEvent> consumer =
            new KafkaConsumer<>(
                consumerProps("read_committed"), keys.deserializer(), values.deserializer());
        KafkaConsumer<byte[], byte[]> uncommitted =
            new KafkaConsumer<>(
                consumerProps("read_uncommitted"),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
      consumer.assign(Set.of(partition));
      consumer.seekToBeginning(Set.of(partition));
      // Under read_committed the end offset is the last stable offset; it reaches the high
      // watermark once no transaction is open or waiting for its markers.
      long end = consumer.endOffsets(Set.of(partition)).get(partition);
      while (end < uncommitted.endOffsets(Set.of(partition)).get(partition)
          && System.nanoTime() < deadline) {
        sleep(Duration.ofMillis(50));
        end = consumer.endOffsets(Set.of(partition)).get(partition);
      }
      while (consumer.position(partition) < end && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  private Map<String, Object> consumerProps(String isolationLevel) {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return props;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for transaction markers", e);
    }
  }

  @Override
  public void close() throws Exception {
    registry.close();
    cluster.close();
  }
}
