package io.paperpulse.it.support;

import io.paperpulse.registry.client.SchemaRegistryClient;
import io.paperpulse.registry.serde.SpecificAvroSerde;
import io.paperpulse.registry.serde.StringAvroSerde;
import io.paperpulse.schema.PaperEvent;
import io.paperpulse.schema.TagCount;
import io.paperpulse.schema.TagCountKey;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.testing.ExpectedCounts;
import io.paperpulse.streams.testing.ExpectedCounts.Totals;
import io.paperpulse.streams.topology.TopicNames;
import io.paperpulse.tagging.Tagger;
import io.paperpulse.testsupport.TopicContents;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The verifier of every fault test: reads the final papers and {@code tag-counts} as a {@code
 * read_committed} consumer and compares the counts with counts recomputed from scratch from the
 * final papers by the streams module's {@link ExpectedCounts}.
 */
public final class ExactCounts {

  /**
   * @param finalPapers the live papers by id, as the papers topic says
   * @param expected counts recomputed from {@code finalPapers}
   * @param actual the latest non-empty value per key of tag-counts
   */
  public record Verdict(
      Map<String, PaperEvent> finalPapers,
      Map<TagCountKey, Totals> expected,
      Map<TagCountKey, Totals> actual) {

    /** Readable differences, empty when the counts are exact. */
    public List<String> differences() {
      List<String> lines = new ArrayList<>();
      Set<TagCountKey> keys = new TreeSet<>(java.util.Comparator.comparing(TagCountKey::toString));
      keys.addAll(expected.keySet());
      keys.addAll(actual.keySet());
      for (TagCountKey key : keys) {
        Totals want = expected.get(key);
        Totals got = actual.get(key);
        if (!java.util.Objects.equals(want, got)) {
          lines.add(
              key.getTag()
                  + "/"
                  + key.getGranularity()
                  + "/"
                  + key.getBucketStart()
                  + ": expected "
                  + want
                  + ", found "
                  + got);
        }
      }
      return lines;
    }

    public long countedMemberships() {
      return expected.values().stream().mapToLong(Totals::papers).sum();
    }
  }

  private ExactCounts() {}

  public static Verdict verify(
      Map<String, Object> clientProperties,
      SchemaRegistryClient registry,
      TopicNames topics,
      Tagger tagger,
      List<Granularity> granularities) {
    Map<String, PaperEvent> papers = finalPapers(clientProperties, registry, topics.papers());
    return new Verdict(
        papers,
        ExpectedCounts.recompute(papers.values(), tagger, granularities),
        tagCounts(clientProperties, registry, topics));
  }

  /** The latest non-empty count per key of tag-counts. */
  public static Map<TagCountKey, Totals> tagCounts(
      Map<String, Object> clientProperties, SchemaRegistryClient registry, TopicNames topics) {
    Map<TagCountKey, Totals> actual = new HashMap<>();
    try (var keys = SpecificAvroSerde.of(TagCountKey.class, registry, true);
        var values = SpecificAvroSerde.of(TagCount.class, registry, false)) {
      for (ConsumerRecord<byte[], byte[]> record :
          TopicContents.readCommitted(clientProperties, topics.tagCounts())) {
        TagCountKey key = keys.deserializer().deserialize(record.topic(), record.key());
        TagCount count =
            record.value() == null
                ? null
                : values.deserializer().deserialize(record.topic(), record.value());
        if (count == null || count.getPaperCount() == 0) {
          actual.remove(key);
        } else {
          actual.put(key, Totals.of(count));
        }
      }
    }
    return actual;
  }

  /** The latest version of every paper that is not deleted, by id. */
  public static Map<String, PaperEvent> finalPapers(
      Map<String, Object> clientProperties, SchemaRegistryClient registry, String topic) {
    Map<String, PaperEvent> papers = new HashMap<>();
    try (var keys = StringAvroSerde.of(registry, true);
        var values = SpecificAvroSerde.of(PaperEvent.class, registry, false)) {
      for (ConsumerRecord<byte[], byte[]> record :
          TopicContents.readCommitted(clientProperties, topic)) {
        String id = keys.deserializer().deserialize(topic, record.key());
        if (record.value() == null) {
          papers.remove(id);
        } else {
          papers.put(id, values.deserializer().deserialize(topic, record.value()));
        }
      }
    }
    return papers;
  }
}
