package io.paperpulse.registry.server;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps registry state in a compacted single-partition Kafka topic ({@code _schemas} by default),
 * so schema ids live as long as the data that refers to them. {@link #load()} creates the topic
 * when missing and reads it to the end; {@link #write} returns once the broker acknowledged the
 * record (acks=all). Exactly one registry may write to a topic at a time.
 */
public final class KafkaSchemaStore implements SchemaStore {

  public static final String DEFAULT_TOPIC = "_schemas";

  private static final Logger log = LoggerFactory.getLogger(KafkaSchemaStore.class);
  private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);
  private static final long WRITE_TIMEOUT_SECONDS = 60;

  private final Map<String, Object> clientProperties;
  private final String topic;
  private final short replicationFactor;
  private final TopicPartition partition;
  private KafkaProducer<byte[], byte[]> producer;

  /** Store on {@code _schemas} with the replication factor chosen from the cluster size. */
  public KafkaSchemaStore(String bootstrapServers, Map<String, Object> clientProperties) {
    this(bootstrapServers, clientProperties, DEFAULT_TOPIC);
  }

  public KafkaSchemaStore(
      String bootstrapServers, Map<String, Object> clientProperties, String topic) {
    this(bootstrapServers, clientProperties, topic, (short) 0);
  }

  /**
   * @param clientProperties extra Kafka client settings (security.protocol, sasl.*, ssl.*) for all
   *     clients
   * @param replicationFactor for a topic this store creates; 0 or less means min(3, number of
   *     brokers)
   */
  public KafkaSchemaStore(
      String bootstrapServers,
      Map<String, Object> clientProperties,
      String topic,
      short replicationFactor) {
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    this.clientProperties = Map.copyOf(props);
    this.topic = topic;
    this.replicationFactor = replicationFactor;
    this.partition = new TopicPartition(topic, 0);
  }

  public String topic() {
    return topic;
  }

  @Override
  public synchronized List<StoreEntry> load() {
    ensureTopic();
    Map<StoreKey, StoreEntry> live = new LinkedHashMap<>();
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    int records = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition), LOAD_TIMEOUT).get(partition);
      long deadline = System.nanoTime() + LOAD_TIMEOUT.toNanos();
      while (consumer.position(partition, LOAD_TIMEOUT) < end) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "timed out reading schema topic " + topic + " up to offset " + end);
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          records++;
          decode(record)
              .ifPresent(
                  entry -> {
                    live.remove(entry.key());
                    if (!entry.isTombstone()) {
                      live.put(entry.key(), entry);
                    }
                  });
        }
      }
    }
    log.info("read {} records from schema topic {}: {} live entries", records, topic, live.size());
    return new ArrayList<>(live.values());
  }

  @Override
  public synchronized void write(StoreEntry entry) {
    try {
      producer()
          .send(
              new ProducerRecord<>(
                  topic,
                  0,
                  StoreCodec.encodeKey(entry.key()),
                  StoreCodec.encodeValue(entry.value())))
          .get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing to schema topic " + topic, e);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      throw new IllegalStateException(
          "cannot write to schema topic " + topic + ": " + cause, cause);
    }
  }

  @Override
  public synchronized void close() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
      producer = null;
    }
  }

  private KafkaProducer<byte[], byte[]> producer() {
    if (producer == null) {
      Map<String, Object> props = new HashMap<>(clientProperties);
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
      props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
      props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
      producer = new KafkaProducer<>(props);
    }
    return producer;
  }

  private Optional<StoreEntry> decode(ConsumerRecord<byte[], byte[]> record) {
    if (record.key() == null) {
      return Optional.empty();
    }
    try {
      return StoreCodec.decode(record.key(), record.value());
    } catch (IOException | RuntimeException e) {
      log.warn(
          "skipping unreadable record at offset {} of schema topic {}: {}",
          record.offset(),
          topic,
          e.getMessage());
      return Optional.empty();
    }
  }

  private void ensureTopic() {
    try (Admin admin = Admin.create(clientProperties)) {
      if (admin
          .listTopics(new ListTopicsOptions().listInternal(true))
          .names()
          .get(30, TimeUnit.SECONDS)
          .contains(topic)) {
        TopicDescription description =
            admin
                .describeTopics(List.of(topic))
                .allTopicNames()
                .get(30, TimeUnit.SECONDS)
                .get(topic);
        int partitions = description.partitions().size();
        if (partitions != 1) {
          log.warn(
              "schema topic {} has {} partitions; only partition 0 is used", topic, partitions);
        }
        return;
      }
      short factor =
          replicationFactor > 0
              ? replicationFactor
              : (short)
                  Math.min(3, admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size());
      NewTopic newTopic =
          new NewTopic(topic, 1, factor)
              .configs(
                  Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
      try {
        admin.createTopics(List.of(newTopic)).all().get(30, TimeUnit.SECONDS);
        log.info("created compacted schema topic {} (replication factor {})", topic, factor);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while preparing schema topic " + topic, e);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      throw new IllegalStateException("cannot prepare schema topic " + topic + ": " + cause, cause);
    }
  }
}
