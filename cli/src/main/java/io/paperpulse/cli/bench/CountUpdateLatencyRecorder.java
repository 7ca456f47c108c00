package io.paperpulse.cli.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Watches the tag-counts topic from a background thread and records, for every count update as soon
 * as a committed-read consumer sees it, wall-clock now minus the record's timestamp. Kafka Streams
 * gives an aggregate's output the timestamp of the input record that changed it, so that timestamp
 * is the paper record's publish time (producer create time) and the difference is the latency from
 * publishing a paper to its tag-count update being readable downstream.
 */
final class CountUpdateLatencyRecorder implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(50);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;
  private final LongSamples samples = new LongSamples();
  private volatile RuntimeException failure;
  private volatile long lastUpdateNanos = System.nanoTime();

  CountUpdateLatencyRecorder(Map<String, Object> clientProperties, String topic) {
    Map<String, Object> config = new HashMap<>(clientProperties);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "paperpulse-bench-latency");
    consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(info -> new TopicPartition(topic, info.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    thread = new Thread(this::pollUntilClosed, "paperpulse-bench-latency");
    thread.setDaemon(true);
    thread.start();
  }

  private void pollUntilClosed() {
    try {
      while (running.get()) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          samples.add(System.currentTimeMillis() - record.timestamp());
          lastUpdateNanos = System.nanoTime();
        }
      }
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      // closed by the thread that polls: a consumer is not safe for concurrent use
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /**
   * Waits until no update arrived for {@code quiet}: called once the application has committed all
   * input, it lets the consumer read the last committed updates.
   */
  void awaitQuiet(Duration quiet) throws InterruptedException {
    while (System.nanoTime() - lastUpdateNanos < quiet.toNanos() && failure == null) {
      Thread.sleep(POLL.toMillis());
    }
  }

  /** Latencies seen so far, in milliseconds. */
  long[] latenciesMs() {
    if (failure != null) {
      throw new IllegalStateException(
          "tag-counts consumer failed: " + failure.getMessage(), failure);
    }
    return samples.toArray();
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.join(Duration.ofSeconds(10).toMillis());
  }
}
