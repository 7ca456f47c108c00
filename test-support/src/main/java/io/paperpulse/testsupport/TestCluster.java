package io.paperpulse.testsupport;

import io.paperpulse.registry.client.RestSchemaRegistryClient;
import io.paperpulse.registry.serde.SpecificAvroSerde;
import io.paperpulse.registry.serde.StringAvroSerde;
import io.paperpulse.schema.PaperEvent;
import io.paperpulse.schema.TagCount;
import io.paperpulse.schema.TagCountKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.streams.KeyValue;

/**
 * A one-node in-JVM KRaft broker with transaction-ready single-node settings, the embedded schema
 * registry over HTTP, and the clients tests need on them.
 */
public final class TestCluster implements AutoCloseable {

  private final KafkaClusterTestKit kafka;
  private final TestRegistry registry;
  private final AtomicInteger topics = new AtomicInteger();

  private TestCluster(KafkaClusterTestKit kafka, TestRegistry registry) {
    this.kafka = kafka;
    this.registry = registry;
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
            // One partition each: creating 50 internal partitions dominates a short test on a small
            // machine.
            .setConfigProp("transaction.state.log.num.partitions", "1")
            .setConfigProp("offsets.topic.num.partitions", "1")
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

  public TestRegistry registry() {
    return registry;
  }

  public RestSchemaRegistryClient registryClient() {
    return registry.client();
  }

  /** A new, modifiable map with the cluster's {@code bootstrap.servers}. */
  public Map<String, Object> clientProperties() {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return props;
  }

  /** Creates a topic of one partition named {@code prefix} and a number new on this cluster. */
  public String newTopic(String prefix) throws Exception {
    String topic = prefix + "-" + topics.incrementAndGet();
    createTopic(topic);
    return topic;
  }

  /** Creates a topic of one partition. */
  public void createTopic(String topic) throws Exception {
    createTopics(new NewTopic(topic, 1, (short) 1));
  }

  public void createTopics(NewTopic... topics) throws Exception {
    try (Admin admin = Admin.create(clientProperties())) {
      admin.createTopics(List.of(topics)).all().get();
    }
  }

  /** The registry serializer of paper ids, as record keys. */
  public Serializer<String> paperIdSerializer() {
    return StringAvroSerde.of(registry.client(), true).serializer();
  }

  /** The registry serializer of papers, as record values. */
  public Serializer<PaperEvent> paperSerializer() {
    return SpecificAvroSerde.of(PaperEvent.class, registry.client(), false).serializer();
  }

  /** Publishes papers (null value: delete) keyed by id, and waits until all are acknowledged. */
  public void publish(String topic, Collection<KeyValue<String, PaperEvent>> papers) {
    Map<String, Object> props = clientProperties();
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, PaperEvent> producer =
        new KafkaProducer<>(props, paperIdSerializer(), paperSerializer())) {
      for (KeyValue<String, PaperEvent> paper : papers) {
        producer.send(new ProducerRecord<>(topic, paper.key, paper.value));
      }
      producer.flush();
    }
  }

  /** Publishes raw bytes, e.g. a record no Avro deserializer can read. */
  public void publishRaw(String topic, byte[] key, byte[] value) {
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            clientProperties(), new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value));
      producer.flush();
    }
  }

  /**
   * Every committed paper record of a topic, in offset order per partition, once every transaction
   * on it is decided.
   */
  public List<ConsumerRecord<String, PaperEvent>> readPapers(String topic) {
    List<ConsumerRecord<String, PaperEvent>> records = new ArrayList<>();
    try (StringAvroSerde keys = StringAvroSerde.of(registry.client(), true);
        SpecificAvroSerde<PaperEvent> values =
            SpecificAvroSerde.of(PaperEvent.class, registry.client(), false)) {
      for (ConsumerRecord<byte[], byte[]> record :
          TopicContents.readDecided(clientProperties(), topic)) {
        records.add(
            new ConsumerRecord<>(
                topic,
                record.partition(),
                record.offset(),
                keys.deserializer().deserialize(topic, record.key()),
                values.deserializer().deserialize(topic, record.value())));
      }
    }
    return records;
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
    List<KeyValue<K, V>> records = new ArrayList<>();
    try (SpecificAvroSerde<K> keys = SpecificAvroSerde.of(keyType, registry.client(), true);
        SpecificAvroSerde<V> values = SpecificAvroSerde.of(valueType, registry.client(), false)) {
      for (ConsumerRecord<byte[], byte[]> record :
          TopicContents.readCommitted(clientProperties(), topic)) {
        records.add(
            KeyValue.pair(
                keys.deserializer().deserialize(topic, record.key()),
                values.deserializer().deserialize(topic, record.value())));
      }
    }
    return records;
  }

  @Override
  public void close() throws Exception {
    registry.close();
    kafka.close();
  }
}
