package io.paperpulse.streams.trending;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.schema.TagKind;
import io.paperpulse.schema.TrendingEntries;
import io.paperpulse.schema.TrendingKey;
import io.paperpulse.schema.TrendingTag;
import io.paperpulse.schema.TrendingTags;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.topology.emit.PendingEmissions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ranking task against its stores directly, so that a test can change the entries underneath
 * the index the way a restore from the changelog or a standby does, then start a new processor
 * over the same stores as a restarted task would.
 */
class RankTrendingProcessorTest {

  private static final LocalDate WEEK = LocalDate.of(2024, 3, 4);
  private static final TrendingKey RANKING = new TrendingKey("week", WEEK);
  private static final RankTrendingProcessor.Stores NAMES =
      new RankTrendingProcessor.Stores("entries", "index", "rankings", "pending");

  private KeyValueStore<Bytes, TrendingTag> entries;
  private List<StateStore> stores;

  @BeforeEach
  void createStores() {
    // plain Avro binary: the mock context gives every store the same changelog topic, so registry
    // serdes would register unrelated schemas under one subject
    Serde<TrendingTag> entrySerde = avro(TrendingTag::toByteBuffer, TrendingTag::fromByteBuffer);
    Serde<TrendingKey> keySerde = avro(TrendingKey::toByteBuffer, TrendingKey::fromByteBuffer);
    entries = inMemory(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(NAMES.entries()), Serdes.Bytes(), entrySerde));
    stores = List.of(
        entries,
        inMemory(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(NAMES.index()), Serdes.Bytes(), entrySerde)),
        inMemory(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(NAMES.rankings()), keySerde,
            avro(TrendingTags::toByteBuffer, TrendingTags::fromByteBuffer))),
        inMemory(PendingEmissions.storeBuilder(NAMES.pending(), keySerde)));
    MockProcessorContext<TrendingKey, TrendingTags> context = new MockProcessorContext<>();
    stores.forEach(store -> store.init(context.getStateStoreContext(), store));
  }

  private interface AvroCodec<T, R> {
    R apply(T value) throws IOException;
  }

  private static <T> Serde<T> avro(AvroCodec<T, ByteBuffer> encode, AvroCodec<ByteBuffer, T> decode) {
    return Serdes.serdeFrom(
        (topic, value) -> value == null ? null : call(encode, value).array(),
        (topic, bytes) -> bytes == null ? null : call(decode, ByteBuffer.wrap(bytes)));
  }

  private static <T, R> R call(AvroCodec<T, R> codec, T value) {
    try {
      return codec.apply(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <S extends StateStore> S inMemory(StoreBuilder<S> builder) {
    return builder.withLoggingDisabled().withCachingDisabled().build();
  }

  private static TrendingTag entry(String tag, double score) {
    return new TrendingTag(tag, TagKind.TOPIC, 1L, 0L, score, 0);
  }

  /** A new processor over the stores, as a task starts; gives the ranking it publishes after {@code batch}. */
  private List<String> startThenRank(TrendingTag... batch) {
    MockProcessorContext<TrendingKey, TrendingTags> context = new MockProcessorContext<>();
    stores.forEach(context::addStateStore);
    RankTrendingProcessor processor = new RankTrendingProcessor(NAMES, 10, Duration.ofSeconds(1));
    processor.init(context);
    processor.process(new Record<>(RANKING, new TrendingEntries(List.of(batch)), 1L));
    context.scheduledPunctuators().forEach(p -> p.getPunctuator().punctuate(2L));
    List<MockProcessorContext.CapturedForward<? extends TrendingKey, ? extends TrendingTags>> forwarded =
        context.forwarded();
    assertThat(forwarded).hasSize(1);
    return forwarded.get(0).record().value().getTags().stream().map(TrendingTag::getTag).toList();
  }

  @Test
  void aRankingIsRebuiltFromItsEntriesWhenATaskFirstPublishesIt() {
    assertThat(startThenRank(entry("a", 3), entry("b", 2), entry("c", 1))).containsExactly("a", "b", "c");

    // the entries change without the index, as when the task ran elsewhere and its changelog is restored here
    entries.put(TrendingStoreKeys.tagKey(Granularity.WEEK, WEEK, "b"), entry("b", 5));
    entries.delete(TrendingStoreKeys.tagKey(Granularity.WEEK, WEEK, "c"));

    assertThat(startThenRank(entry("d", 4))).containsExactly("b", "d", "a");
  }
}
