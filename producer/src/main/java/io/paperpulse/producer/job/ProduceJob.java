package io.paperpulse.producer.job;

import io.paperpulse.producer.feed.FeedFollower;
import io.paperpulse.producer.format.InputReader;
import io.paperpulse.producer.format.ParseContext;
import io.paperpulse.producer.format.ParseError;
import io.paperpulse.producer.format.ParseResult;
import io.paperpulse.producer.format.ParsedInput;
import io.paperpulse.producer.publish.PaperPublisher;
import io.paperpulse.producer.publish.PublishReport;
import io.paperpulse.producer.publish.TransactionalIds;
import io.paperpulse.schema.PaperEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code paperpulse produce} without the command line: reads each input, publishes it in its own
 * transaction and reports per input. Command-line front ends only map options and print {@link
 * ProduceResult#lines()}.
 *
 * <p>The Kafka producer is created only once an input has something to publish, so bad input is
 * reported even when the cluster is unreachable. The serializers are closed with the producer: use
 * a job for one run.
 */
public final class ProduceJob {

  private static final Logger LOG = LoggerFactory.getLogger(ProduceJob.class);
  static final String DELETES_INPUT = "--delete";

  private final Map<String, Object> kafkaProperties;
  private final Serializer<String> keySerializer;
  private final Serializer<PaperEvent> valueSerializer;
  private final Clock clock;

  /**
   * @param kafkaProperties Kafka client properties: {@code bootstrap.servers} plus any {@code
   *     --config} security settings
   * @param keySerializer paper-id keys (the registry's {@code StringAvroSerde} serializer,
   *     configured as key)
   * @param valueSerializer values (the registry's {@code SpecificAvroSerde<PaperEvent>} serializer,
   *     configured as value)
   */
  public ProduceJob(
      Map<String, Object> kafkaProperties,
      Serializer<String> keySerializer,
      Serializer<PaperEvent> valueSerializer) {
    this(kafkaProperties, keySerializer, valueSerializer, Clock.systemUTC());
  }

  ProduceJob(
      Map<String, Object> kafkaProperties,
      Serializer<String> keySerializer,
      Serializer<PaperEvent> valueSerializer,
      Clock clock) {
    this.kafkaProperties = Map.copyOf(kafkaProperties);
    this.keySerializer = keySerializer;
    this.valueSerializer = valueSerializer;
    this.clock = clock;
  }

  public ProduceResult run(ProduceOptions options) {
    if (options.inputs().isEmpty() && options.deletes().isEmpty()) {
      throw new IllegalArgumentException(
          "nothing to produce: give input files, '-' for stdin, or ids to delete");
    }
    String transactionalId =
        TransactionalIds.forInputs(
            options.topic(),
            Stream.concat(
                    options.inputs().stream().map(InputSource::identity),
                    options.deletes().stream().map(id -> "delete:" + id))
                .toList());
    List<PublishReport> reports = new ArrayList<>();
    try (PaperPublisher publisher =
        new PaperPublisher(
            kafkaProperties, options.topic(), transactionalId, keySerializer, valueSerializer)) {
      for (InputSource source : options.inputs()) {
        ParsedInput input = read(source, options);
        reports.add(publisher.publish(input.sourceName(), input.results(), options.skipInvalid()));
      }
      if (!options.deletes().isEmpty()) {
        reports.add(
            publisher.publish(DELETES_INPUT, deletes(options.deletes()), options.skipInvalid()));
      }
    }
    ProduceResult result = new ProduceResult(reports);
    // The command prints the result's lines; the log repeats the totals only when verbose.
    LOG.debug(
        "produce finished: published {}, tombstones {}, skipped {}, duplicates {}",
        result.published(),
        result.tombstones(),
        result.skipped(),
        result.duplicates());
    return result;
  }

  /**
   * Follows a live feed until {@code stop} is requested, or a fatal Kafka error such as being
   * fenced by a newer follower of the same feed stops it. The round being published when the stop
   * comes is committed, then the producer is closed; nothing is interrupted.
   */
  public FollowResult follow(FollowOptions options, StopRequest stop) {
    String transactionalId = TransactionalIds.forFeed(options.topic(), options.url().toString());
    FeedFollower follower;
    boolean stoppedOnRequest;
    try (PaperPublisher publisher =
        new PaperPublisher(
            kafkaProperties, options.topic(), transactionalId, keySerializer, valueSerializer)) {
      follower = new FeedFollower(options.url(), options.format(), publisher);
      stoppedOnRequest = follower.run(options.every(), stop);
    }
    return new FollowResult(
        options.url().toString(), follower.rounds(), follower.published(), !stoppedOnRequest);
  }

  private ParsedInput read(InputSource source, ProduceOptions options) {
    String content;
    try (InputStream in = source.opener().open()) {
      content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return new ParsedInput(
          source.name(),
          options.format(),
          List.of(
              new ParseResult.Invalid(
                  ParseError.ofRecord(
                      source.name(),
                      0,
                      "cannot read: " + e.getClass().getSimpleName() + ": " + e.getMessage()))));
    }
    LocalDate asOf =
        source.asOf() != null
            ? source.asOf()
            : options.asOf() != null
                ? options.asOf()
                : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    return InputReader.read(
        content, options.format(), new ParseContext(source.name(), asOf, clock.instant()));
  }

  private static List<ParseResult> deletes(List<String> ids) {
    List<ParseResult> records = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i).trim();
      records.add(
          id.isEmpty()
              ? new ParseResult.Invalid(ParseError.ofField(DELETES_INPUT, i + 1, "id", "empty"))
              : new ParseResult.Tombstone(i + 1, id));
    }
    return records;
  }
}
