package io.paperpulse.producer.publish;

import io.paperpulse.producer.format.ParseError;
import io.paperpulse.producer.format.ParseResult;
import io.paperpulse.producer.format.ParsedInput;
import io.paperpulse.schema.PaperEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes parsed inputs to the papers topic, one Kafka transaction per input, so an input lands
 * whole or not at all for {@code read_committed} consumers. Keys are paper ids, values {@link
 * PaperEvent}s, deletes are null values.
 *
 * <p>The producer is idempotent with {@code acks=all}; retriable errors are retried by the client
 * within {@code delivery.timeout.ms}. Fatal errors (fenced by a newer run, authentication,
 * authorization) close the producer: later inputs are reported as failed without trying. Not
 * thread-safe: one publisher per producing thread.
 */
public final class PaperPublisher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PaperPublisher.class);
  private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);

  /**
   * Every publish ends its transaction (commit or abort) before returning, so a close has nothing
   * left to deliver; the bound only matters when the cluster went away, and then a stopping command
   * must not hang on it.
   */
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(1);

  private final String topic;
  private final Supplier<Producer<String, PaperEvent>> producerFactory;
  private final String transactionalId;
  private final Clock clock;
  private Producer<String, PaperEvent> producer;
  private String fatalError;

  /**
   * Prepares a publisher. The Kafka producer is created, and its transactional id registered
   * (fencing any earlier producer with the same id and aborting its open transaction), when the
   * first input has something to send: bad input is then reported even when the cluster is
   * unreachable. The producer closes the serializers when it closes.
   *
   * @param clientProperties Kafka client properties ({@code bootstrap.servers}, security settings);
   *     idempotence, {@code acks} and the transactional id are set here
   * @param topic the papers topic
   * @param transactionalId see {@link TransactionalIds}
   */
  public PaperPublisher(
      Map<String, Object> clientProperties,
      String topic,
      String transactionalId,
      Serializer<String> keySerializer,
      Serializer<PaperEvent> valueSerializer) {
    this.topic = Objects.requireNonNull(topic, "topic");
    this.clock = Clock.systemUTC();
    this.producerFactory =
        () ->
            new KafkaProducer<>(
                producerConfig(clientProperties, transactionalId), keySerializer, valueSerializer);
    this.transactionalId = transactionalId;
  }

  /** Creates the producer and registers the transactional id, once. */
  private Producer<String, PaperEvent> producer() {
    if (producer == null) {
      Producer<String, PaperEvent> created = producerFactory.get();
      try {
        created.initTransactions();
      } catch (RuntimeException e) {
        created.close(Duration.ZERO);
        throw e;
      }
      LOG.debug("publishing to topic {} with transactional id {}", topic, transactionalId);
      producer = created;
    }
    return producer;
  }

  static Map<String, Object> producerConfig(
      Map<String, Object> clientProperties, String transactionalId) {
    Map<String, Object> config = new HashMap<>(clientProperties);
    config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
    config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    // Larger batches roughly double throughput on bulk loads; user settings win.
    config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 20);
    config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
    config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
    return config;
  }

  public String topic() {
    return topic;
  }

  /**
   * Whether a fatal error (fenced, authentication, authorization) has stopped this publisher for
   * good.
   */
  public boolean stopped() {
    return fatalError != null;
  }

  /** Publishes a parsed input; see {@link #publish(String, List, boolean)}. */
  public PublishReport publish(ParsedInput input, boolean skipInvalid) {
    return publish(input.sourceName(), input.results(), skipInvalid);
  }

  /**
   * Publishes the records of one input in one transaction. With invalid records and {@code
   * skipInvalid} false nothing is written. Within the input the last record per id wins; the
   * earlier ones are counted as duplicates. {@link ParseResult.Skipped} blocks are never sent and
   * only listed in the report.
   */
  public PublishReport publish(String input, List<ParseResult> records, boolean skipInvalid) {
    List<ParseError> invalid =
        records.stream()
            .filter(ParseResult.Invalid.class::isInstance)
            .map(r -> ((ParseResult.Invalid) r).error())
            .toList();
    List<ParseResult.Skipped> notRecords =
        records.stream()
            .filter(ParseResult.Skipped.class::isInstance)
            .map(ParseResult.Skipped.class::cast)
            .toList();
    notRecords.forEach(s -> LOG.info("not a record, skipped: {}", s.describe(input)));
    if (!invalid.isEmpty() && !skipInvalid) {
      return PublishReport.rejected(input, invalid, notRecords);
    }
    if (fatalError != null) {
      return PublishReport.failed(
          input,
          invalid,
          notRecords,
          "producer stopped after an earlier fatal error: " + fatalError);
    }
    Map<String, ParseResult> latest = lastPerId(records);
    long papersAndDeletes =
        records.stream()
            .filter(r -> r instanceof ParseResult.Paper || r instanceof ParseResult.Tombstone)
            .count();
    int duplicates = (int) papersAndDeletes - latest.size();
    if (latest.isEmpty()) {
      return new PublishReport(
          input, PublishReport.Outcome.COMMITTED, 0, 0, duplicates, invalid, notRecords, null);
    }
    invalid.forEach(e -> LOG.warn("skipping invalid record {}", e.describe()));
    try {
      int[] counts = send(input, latest);
      return new PublishReport(
          input,
          PublishReport.Outcome.COMMITTED,
          counts[0],
          counts[1],
          duplicates,
          invalid,
          notRecords,
          null);
    } catch (ProducerFencedException
        | InvalidProducerEpochException
        | OutOfOrderSequenceException
        | AuthenticationException
        | AuthorizationException
        | UnsupportedVersionException e) {
      fatalError = describe(e);
      LOG.error("{}: fatal Kafka error, stopping the producer: {}", input, fatalError);
      closeNow();
      return PublishReport.failed(input, invalid, notRecords, fatalError);
    } catch (RuntimeException e) {
      String failure = describe(e);
      if (producer == null) {
        // The producer could not even start (unreachable cluster, bad settings): later inputs would
        // wait just as long.
        fatalError = failure;
        LOG.error("{}: could not start the Kafka producer: {}", input, failure);
      } else {
        LOG.error("{}: publishing failed, aborting its transaction: {}", input, failure);
        abortQuietly();
      }
      return PublishReport.failed(input, invalid, notRecords, failure);
    }
  }

  /** Sends in one transaction; returns {papers, tombstones}. */
  private int[] send(String input, Map<String, ParseResult> latest) {
    AtomicReference<Exception> sendError = new AtomicReference<>();
    ProgressLog progress = new ProgressLog(input, latest.size(), clock, PROGRESS_INTERVAL);
    int papers = 0;
    int tombstones = 0;
    Producer<String, PaperEvent> producer = producer();
    producer.beginTransaction();
    for (Map.Entry<String, ParseResult> entry : latest.entrySet()) {
      PaperEvent value = entry.getValue() instanceof ParseResult.Paper paper ? paper.event() : null;
      producer.send(
          new ProducerRecord<>(topic, entry.getKey(), value),
          (metadata, error) -> {
            if (error != null) {
              sendError.compareAndSet(null, error);
            }
          });
      if (value == null) {
        tombstones++;
      } else {
        papers++;
      }
      progress.sent(papers + tombstones);
      if (sendError.get() != null) {
        throw asKafkaException(sendError.get());
      }
    }
    producer.flush();
    if (sendError.get() != null) {
      throw asKafkaException(sendError.get());
    }
    producer.commitTransaction();
    LOG.debug("{}: committed {} papers and {} tombstones to {}", input, papers, tombstones, topic);
    return new int[] {papers, tombstones};
  }

  /** Keeps the last paper or tombstone per id, in the order of their last occurrence. */
  private static Map<String, ParseResult> lastPerId(List<ParseResult> records) {
    Map<String, ParseResult> latest = new LinkedHashMap<>();
    for (ParseResult r : records) {
      String id =
          r instanceof ParseResult.Paper p
              ? p.id()
              : r instanceof ParseResult.Tombstone t ? t.id() : null;
      if (id != null) {
        latest.remove(id);
        latest.put(id, r);
      }
    }
    return latest;
  }

  private static RuntimeException asKafkaException(Exception e) {
    return e instanceof RuntimeException re ? re : new KafkaException(e);
  }

  private void abortQuietly() {
    try {
      producer.abortTransaction();
    } catch (RuntimeException e) {
      fatalError = "could not abort the transaction: " + describe(e);
      LOG.error(fatalError);
      closeNow();
    }
  }

  private static String describe(Throwable e) {
    List<String> parts = new ArrayList<>();
    for (Throwable t = e; t != null && parts.size() < 3; t = t.getCause()) {
      parts.add(t.getClass().getSimpleName() + ": " + t.getMessage());
    }
    return String.join(" <- ", parts);
  }

  private void closeNow() {
    if (producer != null) {
      producer.close(Duration.ZERO);
      producer = null;
    }
  }

  /** Closes the producer, if one was started, waiting at most a second for in-flight requests. */
  @Override
  public void close() {
    if (producer != null) {
      producer.close(CLOSE_TIMEOUT);
      producer = null;
    }
  }
}
