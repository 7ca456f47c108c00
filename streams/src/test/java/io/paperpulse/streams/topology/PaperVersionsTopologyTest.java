package io.paperpulse.streams.topology;

import static io.paperpulse.streams.testing.Papers.paper;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.registry.serde.GenericAvroSerde;
import io.paperpulse.schema.AuthorAffiliation;
import io.paperpulse.schema.PaperEvent;
import io.paperpulse.schema.TagCount;
import io.paperpulse.schema.TagCountKey;
import io.paperpulse.schema.TaggedPaper;
import io.paperpulse.streams.buckets.BucketDate;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import io.paperpulse.streams.testing.TopologyHarness;
import io.paperpulse.streams.testing.TopologyTestBase;
import io.paperpulse.streams.topology.intake.DeadLetter;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

/**
 * Papers of every released {@code PaperEvent} version flow through the topology, their fields reach
 * papers-tagged, and {@code --bucket-by featured} places papers by the day Daily Papers featured
 * them.
 */
class PaperVersionsTopologyTest extends TopologyTestBase {

  private static final LocalDate PUBLISHED = LocalDate.of(2024, 1, 3);
  private static final LocalDate FEATURED = LocalDate.of(2024, 1, 10);

  private static TagCountKey day(String tag, LocalDate day) {
    return new TagCountKey(tag, Granularity.DAY.label(), day);
  }

  private static Instant instant(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static PaperEvent featured(String id, LocalDate featured) {
    PaperEvent paper = paper(id, "Diffusion", "fast sampling", PUBLISHED, 3);
    paper.setFeaturedAt(featured == null ? null : instant(featured));
    return paper;
  }

  @Test
  void aRecordOfTheFirstReleasedSchemaIsCountedAndTaggedWithTheNewFieldsAtTheirDefaults()
      throws IOException {
    Schema v1;
    try (InputStream in = getClass().getResourceAsStream("/avro-history/PaperEvent/v1.avsc")) {
      v1 = new Schema.Parser().parse(in);
    }
    assertThat(v1.getField("featuredAt")).isNull();
    GenericRecord old = new GenericData.Record(v1);
    old.put("id", "old");
    old.put("title", "Diffusion");
    old.put("abstract", "fast sampling");
    old.put("authors", List.of("Ada"));
    old.put("authorCount", 1);
    old.put("publishedAt", instant(PUBLISHED).toEpochMilli());
    old.put("upvotes", 2);
    old.put("source", "jsonl");
    old.put("categories", List.of());
    old.put("ingestedAt", 0L);
    String topic = harness.topics().papers();
    byte[] value = GenericAvroSerde.of(registry.client(), false).serializer().serialize(topic, old);

    harness.pipeRaw(harness.serdes().stringKey().serializer().serialize(topic, "old"), value);
    PaperEvent current = paper("new", "Diffusion", "slow sampling", PUBLISHED, 5);
    current.setDoi("10.1/x");
    current.setAiKeywords(List.of("sampling"));
    current.setAuthorAffiliations(List.of(new AuthorAffiliation("Ada", List.of("Lab"))));
    harness.upsert(current);

    assertThat(harness.deadLetters()).isEmpty();
    TagCount count = harness.tagCounts().get(day("diffusion", PUBLISHED));
    assertThat(count.getPaperCount()).isEqualTo(2);
    assertThat(count.getUpvoteSum()).isEqualTo(7);
    Map<String, TaggedPaper> tagged = latest(harness.taggedRecords());
    PaperEvent oldTagged = tagged.get("old").getPaper();
    assertThat(oldTagged.getAuthors()).containsExactly("Ada");
    assertThat(oldTagged.getFeaturedAt()).isNull();
    assertThat(oldTagged.getDoi()).isNull();
    assertThat(oldTagged.getAiKeywords()).isEmpty();
    assertThat(oldTagged.getAuthorAffiliations()).isEmpty();
    assertThat(tagged.get("new").getPaper()).isEqualTo(current);
  }

  @Test
  void bucketByFeaturedCountsOnTheFeaturedDayAndFallsBackToPublished() {
    try (TopologyHarness featuredHarness =
        new TopologyHarness(
            registry,
            new PaperPulseStreamsConfig(
                Map.of(PaperPulseStreamsConfig.BUCKET_BY_CONFIG, BucketDate.FEATURED.label())),
            tagger)) {
      featuredHarness.upsert(featured("a", FEATURED));
      featuredHarness.upsert(featured("b", null));
      Map<TagCountKey, TagCount> counts = featuredHarness.tagCounts();
      assertThat(counts.get(day("diffusion", FEATURED)).getPaperCount()).isEqualTo(1);
      assertThat(counts.get(day("diffusion", PUBLISHED)).getPaperCount()).isEqualTo(1);

      // featured again a day later: the paper moves, nothing is left on the old day
      featuredHarness.upsert(featured("a", FEATURED.plusDays(1)));
      counts = featuredHarness.tagCounts();
      assertThat(counts.get(day("diffusion", FEATURED.plusDays(1))).getPaperCount()).isEqualTo(1);
      assertThat(counts.get(day("diffusion", FEATURED)))
          .satisfiesAnyOf(
              gone -> assertThat(gone).isNull(), zero -> assertThat(zero.getPaperCount()).isZero());
      assertThat(counts.get(day("diffusion", PUBLISHED)).getPaperCount()).isEqualTo(1);
    }
  }

  @Test
  void bucketByPublishedIgnoresTheFeaturedDay() {
    harness.upsert(featured("a", FEATURED));
    Map<TagCountKey, TagCount> counts = harness.tagCounts();
    assertThat(counts.get(day("diffusion", PUBLISHED)).getPaperCount()).isEqualTo(1);
    assertThat(counts).doesNotContainKey(day("diffusion", FEATURED));
  }

  @Test
  void aFeaturedDayInTheFutureIsADeadLetterOnlyWhenItPlacesThePaper() {
    PaperEvent future = featured("f", LocalDate.of(2030, 1, 1));
    harness.upsert(future, TopologyHarness.NOW);
    assertThat(harness.deadLetters()).isEmpty();
    try (TopologyHarness featuredHarness =
        new TopologyHarness(
            registry,
            new PaperPulseStreamsConfig(
                Map.of(PaperPulseStreamsConfig.BUCKET_BY_CONFIG, BucketDate.FEATURED.label())),
            tagger)) {
      featuredHarness.upsert(future, TopologyHarness.NOW);
      assertThat(featuredHarness.deadLetters())
          .singleElement()
          .satisfies(
              letter ->
                  assertThat(header(letter.headers(), DeadLetter.HEADER_MESSAGE))
                      .contains("featuredAt"));
    }
  }

  private static Map<String, TaggedPaper> latest(List<KeyValue<String, TaggedPaper>> records) {
    Map<String, TaggedPaper> latest = new HashMap<>();
    records.forEach(record -> latest.put(record.key, record.value));
    return latest;
  }
}
