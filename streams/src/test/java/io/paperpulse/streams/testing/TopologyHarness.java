package io.paperpulse.streams.testing;

import io.paperpulse.schema.PaperEvent;
import io.paperpulse.schema.TagCount;
import io.paperpulse.schema.TagCountKey;
import io.paperpulse.schema.TaggedPaper;
import io.paperpulse.schema.TopPapers;
import io.paperpulse.schema.TrendAlert;
import io.paperpulse.schema.TrendingKey;
import io.paperpulse.schema.TrendingTags;
import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import io.paperpulse.streams.errors.DeadLetterDeserializationHandler;
import io.paperpulse.streams.errors.DeadLetterProcessingHandler;
import io.paperpulse.streams.topology.PaperPulseTopology;
import io.paperpulse.streams.topology.RegistryTopologySerdes;
import io.paperpulse.streams.topology.TopicNames;
import io.paperpulse.tagging.Tagger;
import io.paperpulse.testsupport.TestRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The production topology in a TopologyTestDriver, with a real schema registry over HTTP, so
 * records on every topic are in Confluent wire format exactly as in production.
 */
public final class TopologyHarness implements AutoCloseable {

  /** Wall-clock time the driver starts at, unless a test gives another. */
  public static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

  private final TestRegistry registry;
  private final RegistryTopologySerdes serdes;
  private final TopicNames topics;
  private final TopologyTestDriver driver;
  private final TestInputTopic<String, PaperEvent> papers;
  private final TestInputTopic<byte[], byte[]> rawPapers;
  private final TestOutputTopic<TagCountKey, TagCount> tagCounts;
  private final TestOutputTopic<String, TaggedPaper> tagged;
  private final TestOutputTopic<TrendingKey, TrendingTags> trending;
  private final TestOutputTopic<TrendingKey, TopPapers> topPapers;
  private final Map<TrendingKey, TopPapers> topPapersState = new HashMap<>();
  private final TestOutputTopic<TagCountKey, TrendAlert> alerts;
  private final TestOutputTopic<byte[], byte[]> deadLetters;
  private final Map<TagCountKey, TagCount> tagCountState = new HashMap<>();
  private final Map<TrendingKey, TrendingTags> trendingState = new HashMap<>();
  private final Path stateDir;
  private final java.time.Duration emitInterval;

  public TopologyHarness(TestRegistry registry, PaperPulseStreamsConfig config, Tagger tagger) {
    this(registry, config, tagger, NOW);
  }

  /** A harness whose driver starts its wall clock at {@code wallClock}. */
  public TopologyHarness(
      TestRegistry registry, PaperPulseStreamsConfig config, Tagger tagger, Instant wallClock) {
    this.registry = registry;
    this.topics = new TopicNames("test.");
    this.emitInterval = config.emitInterval();
    this.serdes = new RegistryTopologySerdes(registry.client());
    Topology topology =
        PaperPulseTopology.build(new StreamsBuilder(), config, topics, serdes, tagger);
    try {
      stateDir = Files.createTempDirectory("paperpulse-ttd");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "paperpulse-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics.papersDlq());
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterDeserializationHandler.class.getName());
    props.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterProcessingHandler.class.getName());
    driver = new TopologyTestDriver(topology, props, wallClock);
    papers =
        driver.createInputTopic(
            topics.papers(),
            serdes.stringKey().serializer(),
            serdes.value(PaperEvent.class).serializer());
    rawPapers =
        driver.createInputTopic(
            topics.papers(), new ByteArraySerializer(), new ByteArraySerializer());
    tagCounts =
        driver.createOutputTopic(
            topics.tagCounts(),
            serdes.key(TagCountKey.class).deserializer(),
            serdes.value(TagCount.class).deserializer());
    tagged =
        driver.createOutputTopic(
            topics.papersTagged(),
            serdes.stringKey().deserializer(),
            serdes.value(TaggedPaper.class).deserializer());
    trending =
        driver.createOutputTopic(
            topics.trendingTags(),
            serdes.key(TrendingKey.class).deserializer(),
            serdes.value(TrendingTags.class).deserializer());
    topPapers =
        driver.createOutputTopic(
            topics.topPapers(),
            serdes.key(TrendingKey.class).deserializer(),
            serdes.value(TopPapers.class).deserializer());
    alerts =
        driver.createOutputTopic(
            topics.trendAlerts(),
            serdes.key(TagCountKey.class).deserializer(),
            serdes.value(TrendAlert.class).deserializer());
    deadLetters =
        driver.createOutputTopic(
            topics.papersDlq(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  public TopicNames topics() {
    return topics;
  }

  public RegistryTopologySerdes serdes() {
    return serdes;
  }

  public void upsert(PaperEvent paper) {
    papers.pipeInput(paper.getId(), paper);
  }

  /** Publishes {@code paper} in a record written at {@code timestamp}. */
  public void upsert(PaperEvent paper, Instant timestamp) {
    papers.pipeInput(paper.getId(), paper, timestamp);
  }

  public void delete(String id) {
    papers.pipeInput(id, null);
  }

  public void pipeRaw(byte[] key, byte[] value) {
    rawPapers.pipeInput(key, value);
  }

  /**
   * Lets one ranking interval of wall-clock time pass, so the rankings moved by the counts changed
   * since the last time are written out, as they would be in a running application. (Counts are
   * written at each commit, and the driver commits after every input record.)
   */
  public void emit() {
    driver.advanceWallClockTime(emitInterval);
  }

  /** Latest tag-counts per key after everything piped so far; tombstones remove keys. */
  public Map<TagCountKey, TagCount> tagCounts() {
    emit();
    newTagCountRecords();
    return Map.copyOf(tagCountState);
  }

  /** The tag-counts records written since the last read, without letting time pass. */
  public List<KeyValue<TagCountKey, TagCount>> newTagCountRecords() {
    List<KeyValue<TagCountKey, TagCount>> records = tagCounts.readKeyValuesToList();
    for (KeyValue<TagCountKey, TagCount> record : records) {
      if (record.value == null) {
        tagCountState.remove(record.key);
      } else {
        tagCountState.put(record.key, record.value);
      }
    }
    return records;
  }

  /** Latest ranking per bucket. */
  public Map<TrendingKey, TrendingTags> trending() {
    emit();
    for (KeyValue<TrendingKey, TrendingTags> record : trending.readKeyValuesToList()) {
      if (record.value == null) {
        trendingState.remove(record.key);
      } else {
        trendingState.put(record.key, record.value);
      }
    }
    return Map.copyOf(trendingState);
  }

  /**
   * Latest top papers per bucket, after one ranking interval has passed; tombstones remove buckets.
   */
  public Map<TrendingKey, TopPapers> topPapers() {
    emit();
    for (KeyValue<TrendingKey, TopPapers> record : topPapers.readKeyValuesToList()) {
      if (record.value == null) {
        topPapersState.remove(record.key);
      } else {
        topPapersState.put(record.key, record.value);
      }
    }
    return Map.copyOf(topPapersState);
  }

  /** The trend-alerts records written since the last read. */
  public List<TrendAlert> newAlerts() {
    return alerts.readValuesToList();
  }

  public List<KeyValue<String, TaggedPaper>> taggedRecords() {
    return tagged.readKeyValuesToList();
  }

  public List<TestRecord<byte[], byte[]>> deadLetters() {
    return new ArrayList<>(deadLetters.readRecordsToList());
  }

  public TopologyTestDriver driver() {
    return driver;
  }

  @Override
  public void close() {
    driver.close();
    try (var files = Files.walk(stateDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (java.io.IOException e) {
      // temp dir cleanup is best effort
    }
  }
}
