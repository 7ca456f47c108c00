package io.paperpulse.cli.bench;

import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The other bound of the topology: how fast a plain producer writes the records the topology has to
 * write. Every paper changes several counts, and the data contract makes each changed count an
 * output record, so the topology writes many records per record it reads. A producer doing nothing
 * else, sending those same records, gives the most papers per second any topology writing that many
 * records per paper could reach on this machine.
 *
 * <p>It reads up to a sample of records already written to an output topic (key and value bytes as
 * they are) and sends them to a scratch topic with Kafka Streams' producer defaults ({@code
 * linger.ms=100}, {@code acks=all}), timing from the first send until every send is acknowledged.
 */
final class RawWritePipe {

  /**
   * Records re-sent at most: enough to reach the producer's steady rate, little enough to hold in
   * memory.
   */
  static final int MAX_SAMPLE = 200_000;

  private static final Duration POLL = Duration.ofMillis(200);

  private final Map<String, Object> clientProperties;

  RawWritePipe(Map<String, Object> clientProperties) {
    this.clientProperties = Map.copyOf(clientProperties);
  }

  /**
   * Re-sends up to {@link #MAX_SAMPLE} records of {@code fromTopic} to {@code toTopic} and reports
   * how fast.
   */
  Throughput resend(String fromTopic, String toTopic, Duration timeout) {
    List<ProducerRecord<byte[], byte[]>> sample = readSample(fromTopic, toTopic, timeout);
    if (sample.isEmpty()) {
      throw new IllegalStateException("raw write: " + fromTopic + " has no records to re-send");
    }
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            producerConfig(), new ByteArraySerializer(), new ByteArraySerializer())) {
      // metadata first, so that the timing starts with a producer ready to send
      producer.partitionsFor(toTopic);
      long start = System.nanoTime();
      AtomicReference<Exception> failure = new AtomicReference<>();
      for (ProducerRecord<byte[], byte[]> record : sample) {
        producer.send(
            record,
            (metadata, error) -> {
              if (error != null) {
                failure.compareAndSet(null, error);
              }
            });
      }
      // returns once every send is acknowledged or failed
      producer.flush();
      if (failure.get() != null) {
        throw new IllegalStateException(
            "raw write to " + toTopic + " failed: " + failure.get(), failure.get());
      }
      return Throughput.of(sample.size(), Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private List<ProducerRecord<byte[], byte[]>> readSample(
      String fromTopic, String toTopic, Duration timeout) {
    Map<String, Object> config = new HashMap<>(clientProperties);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "paperpulse-bench-raw-write-sample");
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      long available = WholeTopic.assignFromStart(consumer, fromTopic);
      long deadline = System.nanoTime() + timeout.toNanos();
      List<ProducerRecord<byte[], byte[]>> sample = new ArrayList<>();
      // end offsets include transaction markers, so stop at the sample size or once a poll is empty
      while (sample.size() < Math.min(available, MAX_SAMPLE) && System.nanoTime() < deadline) {
        var records = consumer.poll(POLL);
        if (records.isEmpty() && !sample.isEmpty()) {
          break;
        }
        for (ConsumerRecord<byte[], byte[]> record : records) {
          if (sample.size() < MAX_SAMPLE) {
            sample.add(new ProducerRecord<>(toTopic, record.key(), record.value()));
          }
        }
      }
      return sample;
    }
  }

  private Map<String, Object> producerConfig() {
    Map<String, Object> config = new HashMap<>(clientProperties);
    // what Kafka Streams sets for its own producers (StreamsConfig's producer defaults), and the
    // application's own producer defaults (compression, batch size)
    config.put(ProducerConfig.LINGER_MS_CONFIG, 100);
    config.putAll(PaperPulseStreamsConfig.PRODUCER_DEFAULTS);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "paperpulse-bench-raw-write");
    return config;
  }
}
