package io.paperpulse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperpulse.registry.client.RestSchemaRegistryClient;
import io.paperpulse.registry.client.SchemaRegistryClient;
import io.paperpulse.registry.client.SchemaRegistryException;
import io.paperpulse.registry.serde.GenericAvroSerde;
import io.paperpulse.registry.serde.StringAvroSerde;
import io.paperpulse.testsupport.Consumers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalClusterTest {

  private static final String TOPIC = "greetings";
  private static final Schema GREETING =
      new Schema.Parser()
          .parse(
              """
            {"type":"record","name":"Greeting","namespace":"test","fields":[{"name":"text","type":"string"}]}""");

  @TempDir Path dataDir;

  @Test
  void recordsTopicsAndSchemaIdsSurviveARestartOnTheSameDataDirectory() throws Exception {
    int schemaId;
    try (LocalCluster cluster = LocalCluster.builder(dataDir).build().start()) {
      assertThat(cluster.schemaRegistryUrl()).startsWith("http://127.0.0.1:");
      try (Admin admin = Admin.create(cluster.clientProperties())) {
        admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
      }
      try (SchemaRegistryClient registry = registryClient(cluster)) {
        produce(cluster, registry, List.of("hello", "bonjour"));
        schemaId = registry.register(TOPIC + "-value", GREETING);
      }
    }

    try (LocalCluster cluster = LocalCluster.builder(dataDir).build().start();
        SchemaRegistryClient registry = registryClient(cluster)) {
      assertThat(registry.subjects()).contains(TOPIC + "-key", TOPIC + "-value");
      assertThat(registry.getById(schemaId)).isEqualTo(GREETING);
      assertThat(registry.register(TOPIC + "-value", GREETING)).isEqualTo(schemaId);
      assertThat(readTexts(cluster, registry)).containsExactly("hello", "bonjour");
    }
  }

  @Test
  void registryWithBasicAuthRefusesAnonymousRequestsAndServesTheConfiguredUser() {
    try (LocalCluster cluster =
        LocalCluster.builder(dataDir).registryBasicAuth("ops", "s3cret").build().start()) {
      try (SchemaRegistryClient anonymous = registryClient(cluster)) {
        assertThatThrownBy(anonymous::subjects)
            .isInstanceOfSatisfying(
                SchemaRegistryException.class, e -> assertThat(e.httpStatus()).isEqualTo(401));
      }
      try (SchemaRegistryClient wrongPassword =
          RestSchemaRegistryClient.fromConfig(
              Map.of(
                  "schema.registry.url",
                  cluster.schemaRegistryUrl(),
                  "basic.auth.credentials.source",
                  "USER_INFO",
                  "basic.auth.user.info",
                  "ops:guess"))) {
        assertThatThrownBy(wrongPassword::subjects)
            .isInstanceOfSatisfying(
                SchemaRegistryException.class, e -> assertThat(e.httpStatus()).isEqualTo(401));
      }
      try (SchemaRegistryClient user =
          RestSchemaRegistryClient.fromConfig(
              Map.of(
                  "schema.registry.url",
                  cluster.schemaRegistryUrl(),
                  "basic.auth.credentials.source",
                  "USER_INFO",
                  "basic.auth.user.info",
                  "ops:s3cret"))) {
        int id = user.register(TOPIC + "-value", GREETING);
        assertThat(user.getById(id)).isEqualTo(GREETING);
      }
    }
  }

  private static SchemaRegistryClient registryClient(LocalCluster cluster) {
    return RestSchemaRegistryClient.fromConfig(
        Map.of("schema.registry.url", cluster.schemaRegistryUrl()));
  }

  private static void produce(
      LocalCluster cluster, SchemaRegistryClient registry, List<String> texts) {
    try (var keys = StringAvroSerde.of(registry, true);
        var values = GenericAvroSerde.of(registry, false);
        var producer =
            new KafkaProducer<>(
                cluster.clientProperties(), keys.serializer(), values.serializer())) {
      for (String text : texts) {
        GenericRecord greeting = new GenericData.Record(GREETING);
        greeting.put("text", text);
        producer.send(new ProducerRecord<>(TOPIC, text, greeting));
      }
      producer.flush();
    }
  }

  private static List<String> readTexts(LocalCluster cluster, SchemaRegistryClient registry) {
    List<String> texts = new ArrayList<>();
    try (var keys = StringAvroSerde.of(registry, true);
        var values = GenericAvroSerde.of(registry, false);
        var consumer =
            new KafkaConsumer<>(
                cluster.clientProperties(), keys.deserializer(), values.deserializer())) {
      TopicPartition partition = new TopicPartition(TOPIC, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      for (ConsumerRecord<String, GenericRecord> record :
          Consumers.pollAtLeast(consumer, 2, Duration.ofSeconds(20))) {
        assertThat(record.key()).isEqualTo(record.value().get("text").toString());
        texts.add(record.value().get("text").toString());
      }
    }
    return texts;
  }
}
