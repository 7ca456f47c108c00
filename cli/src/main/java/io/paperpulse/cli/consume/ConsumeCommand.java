package io.paperpulse.cli.consume;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpulse.cli.DurationConverter;
import io.paperpulse.cli.ExitCodes;
import io.paperpulse.cli.kafka.KafkaOptions;
import io.paperpulse.registry.client.RestSchemaRegistryClient;
import io.paperpulse.registry.client.SchemaRegistryClient;
import io.paperpulse.registry.serde.AvroDeserializer;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Prints a topic's records as JSON Lines, Avro decoded through the registry. Reads committed data
 * only, so aborted transactions of the streams application never show up, and leaves no consumer
 * group behind.
 */
@Command(
    name = "consume",
    mixinStandardHelpOptions = true,
    description =
        "Print a topic's records as JSON, one object per line, until no new record arrives.")
public final class ConsumeCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec private CommandSpec spec;

  @Mixin private KafkaOptions kafka;

  @Option(
      names = "--topic",
      paramLabel = "TOPIC",
      required = true,
      description = "Topic to read (the --topic-prefix is prepended).")
  private String topic;

  @Option(
      names = "--from-beginning",
      description = "Start at the earliest record instead of the end.")
  private boolean fromBeginning;

  @Option(
      names = "--idle-timeout",
      paramLabel = "DURATION",
      defaultValue = "5s",
      converter = DurationConverter.class,
      description = "Exit after this long without a new record (default: ${DEFAULT-VALUE}).")
  private Duration idleTimeout;

  @Option(names = "--max-records", paramLabel = "N", description = "Exit after printing N records.")
  private Long maxRecords;

  @Override
  public Integer call() {
    String topicName = kafka.topic(topic);
    PrintWriter out = spec.commandLine().getOut();
    try (SchemaRegistryClient registry =
            RestSchemaRegistryClient.fromConfig(kafka.registryClientProperties());
        KafkaConsumer<byte[], byte[]> consumer =
            new KafkaConsumer<>(
                consumerConfig(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = partitionsOf(consumer, topicName);
      if (partitions.isEmpty()) {
        spec.commandLine().getErr().println("consume: topic '" + topicName + "' does not exist");
        return ExitCodes.BAD_INPUT;
      }
      consumer.assign(partitions);
      if (fromBeginning) {
        consumer.seekToBeginning(partitions);
      } else {
        consumer.seekToEnd(partitions);
      }
      // Generic reading in each record's writer schema: consume works for any topic, not just ours.
      RecordJson recordJson =
          new RecordJson(
              new PayloadRenderer(genericReader(registry, true)),
              new PayloadRenderer(genericReader(registry, false)));
      printUntilIdle(consumer, recordJson, out);
    }
    return ExitCodes.OK;
  }

  private void printUntilIdle(
      KafkaConsumer<byte[], byte[]> consumer, RecordJson recordJson, PrintWriter out) {
    long printed = 0;
    long idleSince = System.nanoTime();
    while (System.nanoTime() - idleSince < idleTimeout.toNanos()) {
      ConsumerRecords<byte[], byte[]> records = consumer.poll(pollInterval());
      if (records.isEmpty()) {
        continue;
      }
      for (ConsumerRecord<byte[], byte[]> record : records) {
        out.println(toLine(recordJson, record));
        if (maxRecords != null && ++printed >= maxRecords) {
          out.flush();
          return;
        }
      }
      out.flush();
      idleSince = System.nanoTime();
    }
  }

  private static Deserializer<Object> genericReader(SchemaRegistryClient registry, boolean isKey) {
    AvroDeserializer<Object> deserializer = new AvroDeserializer<>(registry);
    deserializer.configure(Map.of(), isKey);
    return deserializer;
  }

  private Duration pollInterval() {
    return idleTimeout.compareTo(Duration.ofMillis(500)) < 0 ? idleTimeout : Duration.ofMillis(500);
  }

  private static String toLine(RecordJson recordJson, ConsumerRecord<byte[], byte[]> record) {
    try {
      return JSON.writeValueAsString(recordJson.toJson(record));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot render record "
              + record.topic()
              + "-"
              + record.partition()
              + "@"
              + record.offset()
              + " as JSON",
          e);
    }
  }

  private static List<TopicPartition> partitionsOf(KafkaConsumer<?, ?> consumer, String topicName) {
    Map<String, List<PartitionInfo>> topics = consumer.listTopics(Duration.ofSeconds(30));
    return topics.getOrDefault(topicName, List.of()).stream()
        .map(info -> new TopicPartition(info.topic(), info.partition()))
        .toList();
  }

  private Map<String, Object> consumerConfig() {
    Map<String, Object> config = kafka.kafkaClientProperties();
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "paperpulse-consume");
    return config;
  }
}
