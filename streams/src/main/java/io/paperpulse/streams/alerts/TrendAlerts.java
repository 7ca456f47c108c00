package io.paperpulse.streams.alerts;

import io.paperpulse.schema.TrendAlert;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.topology.counts.Count;
import io.paperpulse.streams.topology.counts.CountKey;
import io.paperpulse.streams.trending.TrendScore;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Decides, at each change of a count, whether its tag just took off in the current bucket of its
 * granularity: the score crossed the {@link AlertThreshold} from below. A tag alerted in a bucket
 * is not alerted there again until a change finds it below the threshold.
 *
 * <p>Decided per record, in the order the counting task applies its input, never per wall-clock
 * interval: the same input gives the same alerts. "Current" is the latest bucket of the
 * granularity any of the task's input has reached; changes to older buckets (papers arriving
 * late) do not alert. Both facts, which tags are alerted and the latest bucket, live in a
 * changelogged store, so a restart continues where the task stopped.
 */
public final class TrendAlerts {

  private static final byte ALERTED = 'A';
  private static final byte LATEST = 'L';
  private static final byte[] PRESENT = new byte[0];

  private final KeyValueStore<Bytes, byte[]> state;
  private final AlertThreshold threshold;
  private final int lookback;
  /** Latest bucket per granularity, as read from or written to the store; null: none yet. */
  private final LocalDate[] latest = new LocalDate[Granularity.values().length];

  public TrendAlerts(KeyValueStore<Bytes, byte[]> state, AlertThreshold threshold, int lookback) {
    this.state = state;
    this.threshold = threshold;
    this.lookback = lookback;
    for (Granularity granularity : Granularity.values()) {
      byte[] day = state.get(latestKey(granularity));
      latest[granularity.ordinal()] = day == null ? null : LocalDate.ofEpochDay(ByteBuffer.wrap(day).getInt());
    }
  }

  /**
   * The count under {@code key} changed from {@code before} to {@code after} (either may be null);
   * {@code counts} answers the tag's counts in earlier buckets, for the baseline.
   *
   * @return the alert to send, or null
   */
  public TrendAlert changed(CountKey key, Count before, Count after, Function<CountKey, Count> counts) {
    if (!isCurrent(key.granularity(), key.bucketStart())) {
      return null;
    }
    boolean mayBeAbove = after != null && after.papers() >= threshold.minPapers();
    boolean mayHaveBeenAbove = before != null && before.papers() >= threshold.minPapers();
    if (!mayBeAbove && !mayHaveBeenAbove) {
      return null;
    }
    Bytes alertKey = alertKey(key.granularity(), key.bucketStart(), key.tag());
    boolean alerted = state.get(alertKey) != null;
    if (!mayBeAbove) {
      if (alerted) {
        state.delete(alertKey);
      }
      return null;
    }
    long[] history = new long[lookback];
    CountKey past = key;
    long sum = 0;
    for (int i = 0; i < lookback; i++) {
      past = past.shifted(-1);
      Count count = counts.apply(past);
      history[i] = count == null ? 0 : count.papers();
      sum += history[i];
    }
    double score = TrendScore.score(after.papers(), history);
    boolean above = threshold.reached(after.papers(), score);
    if (above && !alerted) {
      state.put(alertKey, PRESENT);
      return new TrendAlert(key.tag(), after.kind(), key.granularity().label(), key.bucketStart(),
          key.granularity().bucketEnd(key.bucketStart()), after.papers(), after.upvotes(),
          (double) sum / lookback, score);
    }
    if (!above && alerted) {
      state.delete(alertKey);
    }
    return null;
  }

  /**
   * Whether {@code bucket} is the latest bucket of the granularity seen so far; a later one
   * becomes the latest, and the alert marks of the buckets before it are dropped.
   */
  private boolean isCurrent(Granularity granularity, LocalDate bucket) {
    LocalDate seen = latest[granularity.ordinal()];
    if (seen != null && bucket.isBefore(seen)) {
      return false;
    }
    if (seen == null || bucket.isAfter(seen)) {
      latest[granularity.ordinal()] = bucket;
      state.put(latestKey(granularity), ByteBuffer.allocate(Integer.BYTES).putInt((int) bucket.toEpochDay()).array());
      dropMarksBefore(granularity, bucket);
    }
    return true;
  }

  private void dropMarksBefore(Granularity granularity, LocalDate bucket) {
    List<Bytes> old = new ArrayList<>();
    // range ends are inclusive; the bare prefix of the new bucket sorts before all of its marks
    try (KeyValueIterator<Bytes, byte[]> it =
        state.range(Bytes.wrap(new byte[] {ALERTED, (byte) granularity.ordinal()}), bucketPrefix(granularity, bucket))) {
      it.forEachRemaining(mark -> old.add(mark.key));
    }
    old.forEach(state::delete);
  }

  private static Bytes latestKey(Granularity granularity) {
    return Bytes.wrap(new byte[] {LATEST, (byte) granularity.ordinal()});
  }

  /** Alert marks sort by granularity, then bucket, so those of past buckets are one range. */
  private static Bytes alertKey(Granularity granularity, LocalDate bucket, String tag) {
    byte[] name = tag.getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(ByteBuffer.allocate(2 + Integer.BYTES + name.length)
        .put(ALERTED).put((byte) granularity.ordinal()).putInt(sortable(bucket)).put(name).array());
  }

  private static Bytes bucketPrefix(Granularity granularity, LocalDate bucket) {
    return Bytes.wrap(ByteBuffer.allocate(2 + Integer.BYTES)
        .put(ALERTED).put((byte) granularity.ordinal()).putInt(sortable(bucket)).array());
  }

  private static int sortable(LocalDate day) {
    return (int) day.toEpochDay() ^ Integer.MIN_VALUE;
  }
}
