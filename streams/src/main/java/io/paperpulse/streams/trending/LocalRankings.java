package io.paperpulse.streams.trending;

import com.carrotsearch.hppc.LongArrayList;
import com.carrotsearch.hppc.LongObjectHashMap;
import io.paperpulse.schema.RankingPart;
import io.paperpulse.schema.TrendingKey;
import io.paperpulse.schema.TrendingTag;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.topology.BlindDeletes;
import io.paperpulse.streams.topology.counts.Count;
import io.paperpulse.streams.topology.counts.CountKey;
import io.paperpulse.streams.topology.counts.CountTable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trend scores of the tags one counting task owns, and each bucket's top N among them: that
 * task's part of every ranking.
 *
 * <p>Counts are partitioned by tag, so a task holds every count its tags' scores need, and the
 * global top N of a bucket is the top N of the union of the tasks' parts: a tag in the global top N
 * is in the top N of its own task. Each part is published only when it changes, so ranking work
 * downstream grows with what can enter a top N, not with every changed count.
 *
 * <p>The scores live in an index that keeps each bucket's best entries in ranking order ({@link
 * RankingOrder}), so a bucket's top N is its first N entries ({@link ScoreIndex}). The index is
 * derived from the counts and kept on the heap; it is rebuilt from the counts when the task starts
 * ({@link #rebuild}), and the first publication after that compares every bucket's part with the
 * last one published (kept, with a changelog, in the published store), so a part whose publication
 * a crash prevented goes out then.
 *
 * <p>Between publications the counting processor reports each change of a count with the value
 * before it ({@link #changed}); the first such value since the last publication is the one the
 * index last saw, so each moved entry's old index key is computed from the old counts instead of
 * being stored. The counts now, and those around each change that scores need, are read from the
 * task's {@link CountTable}.
 */
public final class LocalRankings {

  private static final Logger log = LoggerFactory.getLogger(LocalRankings.class);

  /** Receives a ranking's part that changed. */
  @FunctionalInterface
  public interface Publisher {
    void publish(TrendingKey ranking, RankingPart part);
  }

  private final CountTable counts;
  private final ScoreIndex index;
  private final KeyValueStore<Bytes, RankingPart> published;
  private final int lookback;
  private final int partition;

  /**
   * Codes of the counts changed since the index last saw them ({@link CountTable#code}), with the
   * value it saw (null: no paper), which the next publication scores the old entries from.
   */
  private final LongObjectHashMap<Count> changes = new LongObjectHashMap<>();

  /**
   * Buckets whose part the next publication compares with the part last published, whether or not
   * their entries moved.
   */
  private final Set<Bytes> unchecked = new LinkedHashSet<>();

  /**
   * @param counts the counts of the task, which the counting processor keeps current
   * @param published the parts last published, by bucket prefix
   * @param partition the partition of the counting task, which names its parts
   */
  public LocalRankings(
      CountTable counts,
      KeyValueStore<Bytes, RankingPart> published,
      int lookback,
      int topN,
      int partition) {
    this.counts = counts;
    this.published = published;
    this.lookback = lookback;
    this.index = new ScoreIndex(topN, this::entries);
    this.partition = partition;
  }

  /** The count under {@code code} changes from {@code before} (null: no paper). */
  public void changed(long code, Count before) {
    int slot = changes.indexOf(code);
    if (!changes.indexExists(slot)) {
      changes.indexInsert(slot, code, before);
    }
  }

  /**
   * Re-scores the entries the changed counts moved (a count is its bucket's entry and part of the
   * baseline of the next {@code lookback} buckets), then publishes the parts that changed.
   */
  public void publishChanges(Publisher publisher) {
    if (changes.isEmpty() && unchecked.isEmpty()) {
      return;
    }
    // codes sort by tag and granularity, then by bucket: each series' changes in time order
    long[] changed = changes.keys().toArray();
    Arrays.sort(changed);
    Set<Bytes> buckets = new LinkedHashSet<>();
    int run = 0;
    for (int next = 1; next <= changed.length; next++) {
      if (next == changed.length || startsRun(changed[next - 1], changed[next])) {
        rescore(changed, run, next, buckets);
        run = next;
      }
    }
    changes.clear();
    buckets.addAll(unchecked);
    unchecked.clear();
    buckets.forEach(bucket -> publishIfChanged(bucket, publisher));
  }

  /**
   * Whether the change {@code code} starts a new run after the change {@code previous}: another
   * series, or a gap of more than two lookbacks, so a run never reads the buckets between changes
   * far apart, and no entry is moved by, or scored from the changes of, two runs.
   */
  private boolean startsRun(long previous, long code) {
    if (!CountTable.sameSeries(previous, code)) {
      return true;
    }
    Granularity granularity = CountTable.granularity(code);
    long limit = CountTable.day(previous);
    for (int i = 0; i < 2 * lookback; i++) {
      limit = granularity.next(limit);
    }
    return CountTable.day(code) > limit;
  }

  /**
   * Moves the index entries of one series whose scores the changes {@code changed[from, to)} moved,
   * and adds their buckets to {@code buckets}. The run's buckets, from {@code lookback} before its
   * first change to {@code lookback} after its last, are slots of two arrays, the counts now and
   * the counts the index last saw, so an entry's baseline is the slots right before it. The old
   * counts are the counts now, but for the changed ones, which are the changes' before values.
   */
  private void rescore(long[] changed, int from, int to, Set<Bytes> buckets) {
    long series = changed[from];
    Granularity granularity = CountTable.granularity(series);
    long first = CountTable.day(series);
    long last = CountTable.day(changed[to - 1]);
    for (int i = 0; i < lookback; i++) {
      first = granularity.previous(first);
      last = granularity.next(last);
    }
    LongArrayList slots = new LongArrayList();
    for (long day = first; day <= last; day = granularity.next(day)) {
      slots.add(day);
    }
    Count[] now = new Count[slots.size()];
    Count[] then = new Count[slots.size()];
    boolean[] moved = new boolean[slots.size()];
    int change = from;
    for (int slot = 0; slot < now.length; slot++) {
      long code = CountTable.withDay(series, slots.get(slot));
      now[slot] = counts.get(code);
      then[slot] = now[slot];
      if (change < to && changed[change] == code) {
        change++;
        then[slot] = changes.get(code);
        // a count is its bucket's entry and part of the baseline of the next lookback buckets
        for (int entry = slot; entry <= slot + lookback; entry++) {
          moved[entry] = true;
        }
      }
    }
    String tag = counts.tag(series);
    for (int slot = lookback; slot < slots.size(); slot++) {
      if (!moved[slot]) {
        continue;
      }
      ScoredTag was = scored(tag, then, slot);
      ScoredTag is = scored(tag, now, slot);
      if (!Objects.equals(was, is)) {
        Bytes bucket =
            TrendingStoreKeys.bucketPrefix(granularity, LocalDate.ofEpochDay(slots.get(slot)));
        index.move(bucket, was, is);
        buckets.add(bucket);
      }
    }
  }

  /**
   * The entry of {@code tag} in slot {@code slot} of {@code counts}, its baseline the {@code
   * lookback} slots before; null when it has no paper.
   */
  private ScoredTag scored(String tag, Count[] counts, int slot) {
    if (counts[slot] == null) {
      return null;
    }
    long[] history = new long[lookback];
    for (int i = 0; i < lookback; i++) {
      Count past = counts[slot - 1 - i];
      history[i] = past == null ? 0 : past.papers();
    }
    return entry(tag, counts[slot], history);
  }

  /**
   * Makes the index exactly the scores of the counts, whatever it held, and has the next
   * publication compare every bucket's part with the one last published (a processor may not
   * forward while it is being initialized).
   */
  public void rebuild() {
    long started = System.nanoTime();
    changes.clear();
    Set<Bytes> buckets = new LinkedHashSet<>();
    index.clear();
    counts.forEach(
        (code, count) -> {
          CountKey key = counts.key(code);
          Bytes bucket = TrendingStoreKeys.bucketPrefix(key.granularity(), key.bucketStart());
          index.put(bucket, entryNow(key.tag(), code, count));
          buckets.add(bucket);
        });
    try (KeyValueIterator<Bytes, RankingPart> it = published.all()) {
      it.forEachRemaining(part -> buckets.add(part.key));
    }
    unchecked.addAll(buckets);
    log.info(
        "partition {}: score index rebuilt from {} counts, {} rankings, in {} ms",
        partition,
        counts.size(),
        buckets.size(),
        (System.nanoTime() - started) / 1_000_000);
  }

  /** The entries of the tags of {@code bucket} as the counts are now. */
  private RankedBucket.Entries entries(Bytes bucket) {
    TrendingKey ranking = TrendingStoreKeys.ranking(bucket);
    Granularity granularity = Granularity.fromLabel(ranking.getGranularity());
    return tag -> {
      long code = CountTable.code(counts.tagNumber(tag), granularity, ranking.getBucketStart());
      return entryNow(tag, code, counts.get(code));
    };
  }

  /** The entry of {@code tag} with {@code count}, under {@code code}, scored against the counts. */
  private ScoredTag entryNow(String tag, long code, Count count) {
    return entry(tag, count, counts.history(code, lookback));
  }

  /** The entry of {@code tag} with {@code count} and the paper counts of its baseline. */
  private static ScoredTag entry(String tag, Count count, long[] history) {
    return ScoredTag.of(tag, count, TrendScore.score(count.papers(), history));
  }

  private void publishIfChanged(Bytes bucket, Publisher publisher) {
    List<TrendingTag> top = index.top(bucket);
    RankingPart previous = published.get(bucket);
    if (previous == null ? top.isEmpty() : previous.getTags().equals(top)) {
      return;
    }
    RankingPart part = new RankingPart(partition, top);
    if (top.isEmpty()) {
      BlindDeletes.delete(published, bucket);
    } else {
      published.put(bucket, part);
    }
    publisher.publish(TrendingStoreKeys.ranking(bucket), part);
  }
}
