package io.paperpulse.streams.topology;

import static io.paperpulse.streams.testing.Papers.paper;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.schema.PaperEvent;
import io.paperpulse.schema.TagCount;
import io.paperpulse.schema.TagCountKey;
import io.paperpulse.schema.TaggedPaper;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import io.paperpulse.streams.testing.ExpectedCounts;
import io.paperpulse.streams.testing.TopologyHarness;
import io.paperpulse.streams.testing.TopologyTestBase;
import io.paperpulse.streams.topology.counts.Count;
import io.paperpulse.streams.topology.counts.CountKey;
import io.paperpulse.streams.topology.counts.CountStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.serialization.BytesSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.Test;

class TagCountsTopologyTest extends TopologyTestBase {

  private static final LocalDate MONDAY = LocalDate.of(2024, 1, 8);

  private static TagCountKey key(String tag, Granularity granularity, LocalDate day) {
    return new TagCountKey(tag, granularity.label(), granularity.bucketStart(day));
  }

  @Test
  void countsEachTagInEveryGranularityWithBucketBounds() {
    harness.upsert(paper("p1", "Diffusion", "fast sampling", MONDAY.plusDays(2), 7));

    Map<TagCountKey, TagCount> counts = harness.tagCounts();

    assertThat(counts).hasSize(3 * Granularity.DEFAULTS.size());
    TagCount week = counts.get(key("diffusion", Granularity.WEEK, MONDAY));
    assertThat(week.getPaperCount()).isEqualTo(1);
    assertThat(week.getUpvoteSum()).isEqualTo(7);
    assertThat(week.getBucketStart()).isEqualTo(MONDAY);
    assertThat(week.getBucketEnd()).isEqualTo(MONDAY.plusDays(7));
    assertThat(counts.get(key("sampling", Granularity.MONTH, MONDAY)).getBucketStart())
        .isEqualTo(LocalDate.of(2024, 1, 1));
  }

  @Test
  void eachChangedCountIsWrittenOnceWithTheCommitOfItsInput() {
    // the test driver commits after every input record; within a commit interval the count store
    // keeps one write per key (StreamsAppIntegrationTest checks that on a broker)
    harness.upsert(paper("p1", "Diffusion", "fast sampling", MONDAY, 1));
    List<KeyValue<TagCountKey, TagCount>> first = harness.newTagCountRecords();
    assertThat(first).hasSize(3 * Granularity.DEFAULTS.size());

    harness.upsert(paper("p2", "Diffusion", "slow sampling", MONDAY.plusDays(1), 1));
    List<KeyValue<TagCountKey, TagCount>> second = harness.newTagCountRecords();
    assertThat(second)
        .filteredOn(record -> record.key.equals(key("diffusion", Granularity.YEAR, MONDAY)))
        .singleElement()
        .satisfies(record -> assertThat(record.value.getPaperCount()).isEqualTo(2));
    assertThat(second).hasSize((int) second.stream().map(record -> record.key).distinct().count());

    harness.emit();
    assertThat(harness.newTagCountRecords()).as("written again without a change").isEmpty();
  }

  @Test
  void theCountStoreAnswersWhatTagCountsSays() {
    harness.upsert(paper("p1", "Diffusion", "fast sampling", MONDAY, 1));
    harness.upsert(paper("p2", "Diffusion", "slow sampling", MONDAY.plusWeeks(3), 4));
    harness.upsert(paper("p3", "Diffusion", "sampling", MONDAY.minusWeeks(60), 2));
    harness.upsert(paper("p4", "Agents", "planning", MONDAY.plusWeeks(3), 1));
    harness.delete("p4");
    Map<TagCountKey, TagCount> published = harness.tagCounts();
    CountStore store =
        (CountStore) harness.driver().getAllStateStores().get(StoreNames.BUCKET_COUNTS);

    List<TagCount> all = new ArrayList<>();
    List<Bytes> keys = new ArrayList<>();
    try (KeyValueIterator<Bytes, Count> it = store.all()) {
      it.forEachRemaining(
          entry -> {
            keys.add(entry.key);
            all.add(entry.value.toTagCount(CountKey.of(entry.key)));
          });
    }
    assertThat(all).containsExactlyInAnyOrderElementsOf(published.values());
    assertThat(keys).isSorted();

    List<LocalDate> weeks = new ArrayList<>();
    try (KeyValueIterator<Bytes, Count> it =
        store.prefixScan(
            CountKey.tagPrefix(Granularity.WEEK, "diffusion"), new BytesSerializer())) {
      it.forEachRemaining(entry -> weeks.add(CountKey.of(entry.key).bucketStart()));
    }
    assertThat(weeks)
        .containsExactly(
            Granularity.WEEK.bucketStart(MONDAY.minusWeeks(60)), MONDAY, MONDAY.plusWeeks(3));
    try (KeyValueIterator<Bytes, Count> it =
        store.prefixScan(CountKey.tagPrefix(Granularity.WEEK, "agents"), new BytesSerializer())) {
      assertThat(it.hasNext()).as("a tag whose last paper left").isFalse();
    }

    CountKey week = new CountKey(Granularity.WEEK, "diffusion", MONDAY.plusWeeks(3));
    try (KeyValueIterator<Bytes, Count> it =
        store.prefixScan(week.bytes(), new BytesSerializer())) {
      assertThat(it.next().key).as("any other prefix filters every count").isEqualTo(week.bytes());
      assertThat(it.hasNext()).isFalse();
    }
    assertThat(store.get(week.bytes()).toTagCount(week))
        .isEqualTo(published.get(key("diffusion", Granularity.WEEK, MONDAY.plusWeeks(3))));
    assertThat(store.get(new CountKey(Granularity.WEEK, "agents", MONDAY).bytes())).isNull();
    assertThat(store.approximateNumEntries()).isEqualTo(published.size());

    // a task initialized again restores from the changelog into an empty table
    store.close();
    assertThat(store.isOpen()).isFalse();
    assertThat(store.table().size()).isZero();
  }

  @Test
  void duplicatesChangeNothing() {
    PaperEvent paper = paper("p1", "Diffusion", "fast sampling", MONDAY, 3);
    harness.upsert(paper);
    Map<TagCountKey, TagCount> once = harness.tagCounts();
    assertThat(harness.taggedRecords()).hasSize(1);

    harness.upsert(paper);
    harness.upsert(paper);

    assertThat(harness.tagCounts()).isEqualTo(once);
    assertThat(once.get(key("diffusion", Granularity.DAY, MONDAY)).getPaperCount()).isEqualTo(1);
    assertThat(harness.taggedRecords()).isEmpty();
  }

  @Test
  void changedAbstractMovesTags() {
    harness.upsert(paper("p1", "Diffusion", "fast sampling", MONDAY, 1));
    harness.upsert(paper("p2", "Transformers", "fast attention", MONDAY, 1));

    harness.upsert(paper("p1", "Diffusion", "slow attention", MONDAY, 1));

    Map<TagCountKey, TagCount> counts = harness.tagCounts();
    assertThat(counts).doesNotContainKey(key("sampling", Granularity.DAY, MONDAY));
    assertThat(counts.get(key("fast", Granularity.DAY, MONDAY)).getPaperCount()).isEqualTo(1);
    assertThat(counts.get(key("attention", Granularity.DAY, MONDAY)).getPaperCount()).isEqualTo(2);
    assertThat(counts.get(key("slow", Granularity.DAY, MONDAY)).getPaperCount()).isEqualTo(1);
    List<KeyValue<String, TaggedPaper>> tagged = harness.taggedRecords();
    assertThat(tagged.get(tagged.size() - 1).value.getTags())
        .extracting(tag -> tag.getName())
        .containsExactly("diffusion", "slow", "attention");
  }

  @Test
  void changedDateMovesBuckets() {
    harness.upsert(paper("p1", "Diffusion", "", MONDAY, 2));

    harness.upsert(paper("p1", "Diffusion", "", MONDAY.plusDays(40), 2));

    Map<TagCountKey, TagCount> counts = harness.tagCounts();
    assertThat(counts)
        .doesNotContainKeys(
            key("diffusion", Granularity.DAY, MONDAY),
            key("diffusion", Granularity.WEEK, MONDAY),
            key("diffusion", Granularity.MONTH, MONDAY));
    assertThat(counts.get(key("diffusion", Granularity.DAY, MONDAY.plusDays(40))).getUpvoteSum())
        .isEqualTo(2);
    // same year: the yearly bucket keeps exactly one paper
    assertThat(counts.get(key("diffusion", Granularity.YEAR, MONDAY)).getPaperCount()).isEqualTo(1);
  }

  @Test
  void changedUpvotesChangeSumsNotCounts() {
    harness.upsert(paper("p1", "Diffusion", "", MONDAY, 2));
    harness.upsert(paper("p2", "Diffusion", "", MONDAY, 5));

    harness.upsert(paper("p1", "Diffusion", "", MONDAY, 10));

    TagCount week = harness.tagCounts().get(key("diffusion", Granularity.WEEK, MONDAY));
    assertThat(week.getPaperCount()).isEqualTo(2);
    assertThat(week.getUpvoteSum()).isEqualTo(15);
  }

  @Test
  void deleteRetractsAndTombstones() {
    harness.upsert(paper("p1", "Diffusion", "sampling", MONDAY, 2));
    harness.upsert(paper("p2", "Diffusion", "", MONDAY, 5));
    harness.taggedRecords();

    harness.delete("p1");
    harness.delete("p1");
    harness.delete("never-seen");

    Map<TagCountKey, TagCount> counts = harness.tagCounts();
    assertThat(counts).doesNotContainKey(key("sampling", Granularity.DAY, MONDAY));
    assertThat(counts.get(key("diffusion", Granularity.DAY, MONDAY)).getPaperCount()).isEqualTo(1);
    assertThat(counts.get(key("diffusion", Granularity.DAY, MONDAY)).getUpvoteSum()).isEqualTo(5);
    List<KeyValue<String, TaggedPaper>> tagged = harness.taggedRecords();
    assertThat(tagged).containsExactly(KeyValue.pair("p1", null));
  }

  @Test
  void deleteThenReinsertCountsAgain() {
    harness.upsert(paper("p1", "Diffusion", "", MONDAY, 2));
    harness.delete("p1");
    harness.upsert(paper("p1", "Diffusion", "", MONDAY, 2));

    assertThat(harness.tagCounts().get(key("diffusion", Granularity.DAY, MONDAY)).getPaperCount())
        .isEqualTo(1);
  }

  @Test
  void latePapersAreCountedWhateverTheArrivalOrder() {
    // the first paper is a year newer than the ones that follow: nothing may be dropped as late
    harness.upsert(paper("new", "Diffusion", "", MONDAY.plusYears(1), 1));
    harness.upsert(paper("old1", "Diffusion", "", MONDAY, 1));
    harness.upsert(paper("old2", "Diffusion", "", MONDAY.minusYears(20), 1));

    Map<TagCountKey, TagCount> counts = harness.tagCounts();
    assertThat(counts.get(key("diffusion", Granularity.DAY, MONDAY)).getPaperCount()).isEqualTo(1);
    assertThat(
            counts.get(key("diffusion", Granularity.YEAR, MONDAY.minusYears(20))).getPaperCount())
        .isEqualTo(1);
  }

  /** One record on the papers topic: an upsert, or a delete when paper is null. */
  record Event(String id, PaperEvent paper) {}

  @Test
  void shuffledArrivalOrdersGiveIdenticalCounts() {
    List<List<Event>> perPaper = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String id = "p" + i;
      List<Event> versions = new ArrayList<>();
      versions.add(
          new Event(
              id,
              paper(
                  id,
                  "Topic" + (i % 3),
                  "word" + (i % 4) + " shared",
                  MONDAY.plusDays(i * 5L),
                  i)));
      versions.add(new Event(id, versions.get(0).paper())); // duplicate delivery
      if (i % 2 == 0) {
        versions.add(
            new Event(
                id,
                paper(id, "Topic" + (i % 3), "word" + (i % 5), MONDAY.plusDays(i * 9L), i + 1)));
      }
      if (i % 4 == 1) {
        versions.add(new Event(id, null));
      }
      perPaper.add(versions);
    }

    Map<TagCountKey, TagCount> first = null;
    for (long seed = 1; seed <= 4; seed++) {
      try (TopologyHarness run =
          new TopologyHarness(registry, new PaperPulseStreamsConfig(Map.of()), tagger)) {
        for (Event event : interleave(perPaper, new Random(seed))) {
          if (event.paper() == null) {
            run.delete(event.id());
          } else {
            run.upsert(event.paper());
          }
        }
        Map<TagCountKey, TagCount> counts = run.tagCounts();
        if (first == null) {
          first = counts;
          assertThat(counts).isNotEmpty();
        } else {
          assertThat(counts).as("seed %d", seed).isEqualTo(first);
        }
      }
    }
    Map<String, PaperEvent> live = new LinkedHashMap<>();
    perPaper.forEach(
        versions ->
            versions.forEach(
                event -> {
                  if (event.paper() == null) {
                    live.remove(event.id());
                  } else {
                    live.put(event.id(), event.paper());
                  }
                }));
    assertThat(
            first.entrySet().stream()
                .collect(
                    java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, e -> ExpectedCounts.Totals.of(e.getValue()))))
        .isEqualTo(ExpectedCounts.recompute(live.values(), tagger, Granularity.DEFAULTS));
  }

  /**
   * A random interleaving of the papers' histories. Each paper's own versions keep their order: on
   * an upsert topic the latest offset per key is the paper's state (what compaction keeps).
   */
  static List<Event> interleave(List<List<Event>> perPaper, Random random) {
    List<Integer> slots = new ArrayList<>();
    for (int i = 0; i < perPaper.size(); i++) {
      for (int j = 0; j < perPaper.get(i).size(); j++) {
        slots.add(i);
      }
    }
    Collections.shuffle(slots, random);
    int[] next = new int[perPaper.size()];
    List<Event> events = new ArrayList<>();
    for (int paper : slots) {
      events.add(perPaper.get(paper).get(next[paper]++));
    }
    return events;
  }
}
