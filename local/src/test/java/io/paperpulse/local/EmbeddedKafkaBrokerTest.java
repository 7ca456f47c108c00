package io.paperpulse.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.testsupport.Consumers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerTest {

  @TempDir Path dataDir;

  @Test
  void keepsTopicsRecordsAndCommittedTransactionsAcrossARestart() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder(dataDir).build()) {
      broker.start();
      assertThat(broker.port()).isPositive();
      try (Admin admin = Admin.create(broker.clientProperties())) {
        admin.createTopics(List.of(new NewTopic("events", 2, (short) 1))).all().get();
      }
      produceTransactionally(broker, List.of("a", "b", "c"));
      // commitTransaction returns once the commit is decided; the markers reach the partitions
      // just after. Reading them here makes the restart below about durable committed data.
      assertThat(readCommitted(broker, "events", 3)).containsExactlyInAnyOrder("a", "b", "c");
    }
    assertThat(KraftStorage.isFormatted(dataDir)).isTrue();

    try (EmbeddedKafkaBroker restarted = EmbeddedKafkaBroker.builder(dataDir).build()) {
      restarted.start();
      try (Admin admin = Admin.create(restarted.clientProperties())) {
        assertThat(admin.listTopics().names().get()).contains("events");
        assertThat(
                admin
                    .describeTopics(Set.of("events"))
                    .allTopicNames()
                    .get()
                    .get("events")
                    .partitions())
            .hasSize(2);
      }
      assertThat(readCommitted(restarted, "events", 3)).containsExactlyInAnyOrder("a", "b", "c");
    }
  }

  @Test
  void honoursAnExplicitPortAndOverridingBrokerProperties() {
    int port = LoopbackPorts.resolve(0);
    try (EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.builder(dataDir)
            .port(port)
            .brokerProperty("num.partitions", "3")
            .build()) {
      broker.start();
      assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
      assertThat(broker.isRunning()).isTrue();
    }
  }

  private static void produceTransactionally(EmbeddedKafkaBroker broker, List<String> values) {
    Map<String, Object> config = broker.clientProperties();
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "embedded-broker-test");
    try (var producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      for (String value : values) {
        producer.send(new ProducerRecord<>("events", value, value));
      }
      producer.commitTransaction();
    }
  }

  private static List<String> readCommitted(
      EmbeddedKafkaBroker broker, String topic, int expected) {
    Map<String, Object> config = broker.clientProperties();
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<String> values = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions =
          List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      for (ConsumerRecord<String, String> record :
          Consumers.pollAtLeast(consumer, expected, Duration.ofSeconds(60))) {
        values.add(record.value());
      }
    }
    return values;
  }
}
