package io.paperpulse.streams.papers;

import static io.paperpulse.streams.testing.Papers.paper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperpulse.schema.Tag;
import io.paperpulse.schema.TagKind;
import io.paperpulse.schema.TaggedPaper;
import io.paperpulse.schema.TopPaper;
import io.paperpulse.schema.TopPapersPart;
import io.paperpulse.schema.TrendingKey;
import io.paperpulse.streams.buckets.BucketDate;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.topology.serde.BinaryAvroSerde;
import io.paperpulse.streams.trending.TrendingStoreKeys;
import java.io.File;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The paper ranks' rebuild in steps, on RocksDB stores as the topology has them: papers changing
 * between the steps, before and after the point the rebuild has reached, over an index holding
 * stale entries, end with the index holding exactly the entries of the papers, and the first
 * publication after it gives each bucket its exact top N.
 */
class PaperRanksRebuildTest {

  private static final int TOP_N = 3;
  private static final int STEP = 7;
  private static final LocalDate START = LocalDate.of(2024, 1, 1);
  private static final List<Granularity> GRANULARITIES = Granularity.DEFAULTS;

  @TempDir File stateDir;

  private final List<KeyValueStore<?, ?>> opened = new ArrayList<>();
  private KeyValueStore<String, TaggedPaper> papers;
  private KeyValueStore<Bytes, byte[]> index;
  private KeyValueStore<Bytes, TopPapersPart> published;

  @BeforeEach
  void openStores() {
    papers = store("paper-tags", Serdes.String(), new BinaryAvroSerde<>(TaggedPaper.class));
    index = store("paper-ranks", Serdes.Bytes(), Serdes.ByteArray());
    published =
        store(
            "published-top-papers-parts",
            Serdes.Bytes(),
            new BinaryAvroSerde<>(TopPapersPart.class));
  }

  @AfterEach
  void closeStores() {
    opened.forEach(KeyValueStore::close);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void changesBetweenTheStepsEndExact(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    // what the index and the published parts held before: other versions of the papers
    LocalTopPapers before = ranks();
    for (int i = 0; i < 120; i++) {
      TaggedPaper old = randomPaper(random, "p" + random.nextInt(200));
      before.changed(papers.get(old.getPaper().getId()), old);
      papers.put(old.getPaper().getId(), old);
    }
    before.publishChanges((bucket, part) -> {});
    for (int i = 0; i < 150; i++) {
      TaggedPaper now = randomPaper(random, "p" + random.nextInt(200));
      papers.put(now.getPaper().getId(), now);
    }

    LocalTopPapers ranks = ranks();
    Map<TrendingKey, TopPapersPart> out = new HashMap<>();
    ranks.startRebuild(papers);
    int steps = 0;
    while (!ranks.rebuildStep()) {
      steps++;
      assertThat(index.get(LocalTopPapers.REBUILDING)).isNotNull();
      for (int change = random.nextInt(4); change > 0; change--) {
        change(ranks, random);
      }
      ranks.publishChanges(out::put);
      assertThat(out).as("nothing is published from an index not yet whole").isEmpty();
    }

    assertThat(steps).isGreaterThan(10);
    assertThat(index.get(LocalTopPapers.REBUILDING)).isNull();
    assertThat(indexContents()).isEqualTo(expectedIndex());
    ranks.publishChanges(out::put);
    assertThat(publishedTops()).isEqualTo(expectedTops());

    for (int i = 0; i < 40; i++) {
      change(ranks, random);
    }
    ranks.publishChanges(out::put);
    assertThat(indexContents()).isEqualTo(expectedIndex());
    assertThat(publishedTops()).isEqualTo(expectedTops());
  }

  @Test
  void aRebuildOfAnEmptyStoreIsOneStep() {
    LocalTopPapers ranks = ranks();
    ranks.startRebuild(papers);
    assertThat(ranks.rebuildStep()).isTrue();
    assertThat(indexContents()).isEmpty();
  }

  @Test
  void aLargeRebuildGoesOnAfterTheProcessorStartedAndStopsItsPunctuator() {
    SplittableRandom random = new SplittableRandom(7);
    int count = LocalTopPapers.REBUILD_STEP * 2 + 1;
    for (int i = 0; i < count; i++) {
      papers.put("p" + i, randomPaper(random, "p" + i));
    }
    MockProcessorContext<TrendingKey, TopPapersPart> context =
        new MockProcessorContext<>(new Properties(), new TaskId(0, 0), stateDir);
    context.addStateStore(papers);
    context.addStateStore(index);
    context.addStateStore(published);
    RankPapersProcessor processor =
        new RankPapersProcessor(
            new RankPapersProcessor.Stores(papers.name(), index.name(), published.name()),
            GRANULARITIES,
            BucketDate.PUBLISHED,
            Duration.ofSeconds(1),
            TOP_N);

    context.setCurrentStreamTimeMs(0);
    processor.init(context);

    assertThat(index.get(LocalTopPapers.REBUILDING)).as("not whole after init").isNotNull();
    List<MockProcessorContext.CapturedPunctuator> punctuators = context.scheduledPunctuators();
    assertThat(punctuators).hasSize(2);
    MockProcessorContext.CapturedPunctuator step = punctuators.get(0);
    MockProcessorContext.CapturedPunctuator publish = punctuators.get(1);
    publish.getPunctuator().punctuate(0);
    assertThat(context.forwarded()).isEmpty();
    int steps = 0;
    while (!step.cancelled()) {
      step.getPunctuator().punctuate(0);
      steps++;
    }
    assertThat(steps).isEqualTo(2);
    assertThat(index.get(LocalTopPapers.REBUILDING)).isNull();
    assertThat(indexContents()).isEqualTo(expectedIndex());
    publish.getPunctuator().punctuate(0);
    assertThat(publishedTops()).isEqualTo(expectedTops());
    assertThat(context.forwarded()).hasSize(publishedTops().size());
  }

  @Test
  void queriesAreRefusedUntilTheIndexIsWhole() {
    for (int upvotes = 0; upvotes < 20; upvotes++) {
      TaggedPaper paper =
          new TaggedPaper(
              paper("p" + upvotes, "Title", "", START, upvotes),
              List.of(new Tag("tag0", TagKind.KEYPHRASE, 1.0)),
              "test");
      papers.put(paper.getPaper().getId(), paper);
    }
    TopPapersQueries queries = new TopPapersQueries(() -> index);
    LocalTopPapers ranks = ranks();
    ranks.startRebuild(papers);

    assertThat(ranks.rebuildStep()).isFalse();
    assertThatThrownBy(() -> queries.bucket(Granularity.DAY, START, null, 3))
        .isInstanceOf(InvalidStateStoreException.class)
        .hasMessageContaining("rebuilt");

    while (!ranks.rebuildStep()) {
      // the rest of the papers
    }
    assertThat(queries.bucket(Granularity.DAY, START, null, 3))
        .extracting(TopPaper::getId)
        .containsExactly("p19", "p18", "p17");
  }

  /**
   * Updates or deletes a random paper as the tagging step does: the store first, then the ranks.
   */
  private void change(LocalTopPapers ranks, SplittableRandom random) {
    String id = "p" + random.nextInt(200);
    TaggedPaper before = papers.get(id);
    TaggedPaper after = before != null && random.nextInt(4) == 0 ? null : randomPaper(random, id);
    if (after == null) {
      papers.delete(id);
    } else {
      papers.put(id, after);
    }
    ranks.changed(before, after);
  }

  private LocalTopPapers ranks() {
    return new LocalTopPapers(
        index, published, GRANULARITIES, BucketDate.PUBLISHED, TOP_N, 0, STEP);
  }

  private static TaggedPaper randomPaper(SplittableRandom random, String id) {
    return new TaggedPaper(
        paper(id, "Title " + id, "", START.plusDays(random.nextInt(70)), random.nextInt(8)),
        List.of(new Tag("tag" + random.nextInt(3), TagKind.KEYPHRASE, 1.0)),
        "test");
  }

  private Map<Bytes, TopPaper> indexContents() {
    Map<Bytes, TopPaper> contents = new TreeMap<>();
    try (KeyValueIterator<Bytes, byte[]> it = index.all()) {
      it.forEachRemaining(entry -> contents.put(entry.key, LocalTopPapers.entry(entry.value)));
    }
    return contents;
  }

  /** The index straight from its definition: every paper under its bucket of each granularity. */
  private Map<Bytes, TopPaper> expectedIndex() {
    Map<Bytes, TopPaper> expected = new TreeMap<>();
    try (KeyValueIterator<String, TaggedPaper> it = papers.all()) {
      while (it.hasNext()) {
        TaggedPaper paper = it.next().value;
        TopPaper entry = LocalTopPapers.entry(paper);
        for (Granularity granularity : GRANULARITIES) {
          LocalDate bucket = granularity.bucketStart(BucketDate.PUBLISHED.of(paper.getPaper()));
          expected.put(PaperRankKeys.indexKey(granularity, bucket, entry), entry);
        }
      }
    }
    return expected;
  }

  /** Each bucket's top N ids as published last (the published store holds the latest parts). */
  private Map<Bytes, List<String>> publishedTops() {
    Map<Bytes, List<String>> tops = new TreeMap<>();
    try (KeyValueIterator<Bytes, TopPapersPart> it = published.all()) {
      it.forEachRemaining(
          part ->
              tops.put(part.key, part.value.getPapers().stream().map(TopPaper::getId).toList()));
    }
    return tops;
  }

  /** Each bucket's top N ids straight from the papers, in rank order. */
  private Map<Bytes, List<String>> expectedTops() {
    Map<Bytes, List<TopPaper>> byBucket = new TreeMap<>();
    expectedIndex()
        .forEach(
            (key, entry) ->
                byBucket.computeIfAbsent(bucketOf(key), b -> new ArrayList<>()).add(entry));
    Map<Bytes, List<String>> tops = new TreeMap<>();
    byBucket.forEach(
        (bucket, entries) ->
            tops.put(
                bucket,
                entries.stream()
                    .sorted(PaperRankKeys.RANK_ORDER)
                    .limit(TOP_N)
                    .map(TopPaper::getId)
                    .toList()));
    return tops;
  }

  private static Bytes bucketOf(Bytes indexKey) {
    return TrendingStoreKeys.bucketPrefix(indexKey);
  }

  private <K, V> KeyValueStore<K, V> store(String name, Serde<K> keys, Serde<V> values) {
    KeyValueStore<K, V> store =
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), keys, values)
            .withLoggingDisabled()
            .build();
    MockProcessorContext<Void, Void> context =
        new MockProcessorContext<>(new Properties(), new TaskId(0, 0), stateDir);
    store.init(context.getStateStoreContext(), store);
    opened.add(store);
    return store;
  }
}
