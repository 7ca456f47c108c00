package io.paperpulse.producer.generate;

import io.paperpulse.producer.job.StopRequest;
import io.paperpulse.schema.PaperEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code paperpulse generate} without the command line: publishes a synthetic stream from a {@link
 * PaperGenerator} to the papers topic, paced to a rate or as fast as possible.
 *
 * <p>Unlike {@code produce}, events are not grouped in transactions: a load generator wants
 * throughput, and the idempotent producer with {@code acks=all} already keeps each key's events in
 * order and free of duplicates, which is what the final state per id depends on. Serializers are
 * closed with the producer: use a job for one run.
 */
public final class GenerateJob {

  private static final Logger LOG = LoggerFactory.getLogger(GenerateJob.class);

  /**
   * Bounds the close after the last flush, which has already waited for every acknowledgement: only
   * a cluster gone away meanwhile could hold it up, and then a stop must not hang on it.
   */
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(1);

  private final Map<String, Object> kafkaProperties;
  private final Serializer<String> keySerializer;
  private final Serializer<PaperEvent> valueSerializer;
  private final TokenBucket.Ticker ticker;

  /**
   * @param kafkaProperties Kafka client properties: {@code bootstrap.servers} plus any security
   *     settings; throughput settings given here win over the defaults
   * @param keySerializer paper-id keys (the registry's {@code StringAvroSerde} serializer,
   *     configured as key)
   * @param valueSerializer values (the registry's {@code SpecificAvroSerde<PaperEvent>} serializer,
   *     configured as value)
   */
  public GenerateJob(
      Map<String, Object> kafkaProperties,
      Serializer<String> keySerializer,
      Serializer<PaperEvent> valueSerializer) {
    this(kafkaProperties, keySerializer, valueSerializer, TokenBucket.Ticker.SYSTEM);
  }

  GenerateJob(
      Map<String, Object> kafkaProperties,
      Serializer<String> keySerializer,
      Serializer<PaperEvent> valueSerializer,
      TokenBucket.Ticker ticker) {
    this.kafkaProperties = Map.copyOf(kafkaProperties);
    this.keySerializer = keySerializer;
    this.valueSerializer = valueSerializer;
    this.ticker = ticker;
  }

  /** Runs with progress lines going to the log. */
  public GenerateResult run(GenerateOptions options) {
    return run(options, line -> LOG.info("{}", line));
  }

  /**
   * Runs until done, a Kafka error or an interrupt; see {@link #run(GenerateOptions, Consumer,
   * StopRequest)}.
   */
  public GenerateResult run(GenerateOptions options, Consumer<String> progress) {
    return run(options, progress, StopRequest.NEVER);
  }

  /**
   * Publishes {@code options.count()} events and waits until all are acknowledged. Stops early,
   * keeping what was sent, when {@code stop} is requested, the thread is interrupted or Kafka
   * reports an error. On a stop request the events already handed to the producer are flushed and
   * acknowledged before it closes, so the result counts only what the topic holds.
   *
   * @param progress receives a progress line every {@code options.progressInterval()}
   */
  public GenerateResult run(GenerateOptions options, Consumer<String> progress, StopRequest stop) {
    PaperGenerator generator = new PaperGenerator(options.settings());
    TokenBucket pace =
        options.ratePerSecond() > 0 ? new TokenBucket(options.ratePerSecond(), ticker) : null;
    AtomicReference<Exception> sendError = new AtomicReference<>();
    AtomicLong acknowledged = new AtomicLong();
    long intervalNanos = options.progressInterval().toNanos();
    boolean interrupted = false;
    String failure = null;
    long start = ticker.nanoTime();
    LOG.info(
        "generating {} events to {} at {}",
        options.count(),
        options.topic(),
        pace == null ? "full speed" : options.ratePerSecond() + " events/s");
    KafkaProducer<String, PaperEvent> producer =
        new KafkaProducer<>(producerConfig(kafkaProperties), keySerializer, valueSerializer);
    try {
      long nextProgress = start + intervalNanos;
      for (long sent = 0; sent < options.count() && sendError.get() == null; sent++) {
        if (pace != null ? !pace.acquire(stop) : stop.isRequested()) {
          interrupted = true;
          break;
        }
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException();
        }
        GeneratedEvent event = generator.next();
        producer.send(
            new ProducerRecord<>(options.topic(), event.id(), event.paper()),
            (metadata, error) -> {
              if (error == null) {
                acknowledged.incrementAndGet();
              } else {
                sendError.compareAndSet(null, error);
              }
            });
        long now = ticker.nanoTime();
        if (now >= nextProgress) {
          progress.accept(progressLine(sent + 1, options.count(), acknowledged.get(), now - start));
          nextProgress = now + intervalNanos;
        }
      }
      producer.flush();
    } catch (InterruptedException e) {
      interrupted = true;
      Thread.currentThread().interrupt();
    } catch (KafkaException e) {
      // Also what flush and close throw when interrupted: the events sent so far are reported
      // either way.
      interrupted = Thread.currentThread().isInterrupted();
      if (!interrupted) {
        sendError.compareAndSet(null, e);
      }
    } finally {
      closeQuietly(producer);
    }
    if (sendError.get() != null) {
      failure = describe(sendError.get());
      LOG.error("generate stopped: {}", failure);
    }
    GenerateResult result =
        new GenerateResult(
            generator.inserts(),
            generator.updates(),
            generator.deletes(),
            Duration.ofNanos(ticker.nanoTime() - start),
            interrupted,
            failure,
            generator.state());
    LOG.info("{}", result.summary());
    return result;
  }

  private static void closeQuietly(KafkaProducer<String, PaperEvent> producer) {
    try {
      producer.close(CLOSE_TIMEOUT);
    } catch (KafkaException e) {
      // Everything still counted was acknowledged by the flush before; the run's result says what
      // was sent.
      LOG.debug("closing the producer", e);
    }
  }

  static Map<String, Object> producerConfig(Map<String, Object> clientProperties) {
    Map<String, Object> config = new HashMap<>(clientProperties);
    config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
    config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
    config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    // Large batches and lz4 (abstracts compress well) roughly double the throughput of the defaults
    // here.
    config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 20);
    config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
    config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "paperpulse-generate");
    return config;
  }

  private static String progressLine(long sent, long total, long acknowledged, long elapsedNanos) {
    double seconds = elapsedNanos / 1e9;
    return String.format(
        "generate: sent %d/%d events, %d acknowledged, %.0f events/s",
        sent, total, acknowledged, seconds > 0 ? sent / seconds : 0);
  }

  private static String describe(Throwable e) {
    List<String> parts = new ArrayList<>();
    for (Throwable t = e; t != null && parts.size() < 3; t = t.getCause()) {
      parts.add(t.getClass().getSimpleName() + ": " + t.getMessage());
    }
    return String.join(" <- ", parts);
  }
}
