package io.paperpulse.streams.alerts;

import io.paperpulse.schema.TrendAlert;
import io.paperpulse.streams.topology.counts.Count;
import io.paperpulse.streams.topology.counts.CountKey;
import io.paperpulse.streams.trending.TrendScore;
import java.util.function.Function;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Decides, at each change of a count, whether its tag just took off in that bucket: the score,
 * against the tag's baseline as it is at that moment, crossed the {@link AlertThreshold} from
 * below. A tag alerted in a bucket is not alerted there again until a change finds it below.
 *
 * <p>Decided per record, in the order the counting task applies its input, never per wall-clock
 * interval: the same input gives the same alerts. Any bucket can alert, not only the newest: input
 * need not arrive in date order (a backfill, the generator), and a bucket's count is compared
 * with the buckets before it, whatever has arrived for them so far. The alerted marks live in a
 * changelogged store keyed like the counts, so a restart continues where the task stopped; a mark is removed when its
 * tag falls below, so the store holds only tags that are above the threshold now.
 */
public final class TrendAlerts {

  private static final byte[] PRESENT = new byte[0];

  private final KeyValueStore<Bytes, byte[]> state;
  private final AlertThreshold threshold;
  private final int lookback;

  public TrendAlerts(KeyValueStore<Bytes, byte[]> state, AlertThreshold threshold, int lookback) {
    this.state = state;
    this.threshold = threshold;
    this.lookback = lookback;
  }

  /**
   * The count under {@code key} changed from {@code before} to {@code after} (either may be null);
   * {@code counts} answers the tag's counts in earlier buckets, for the baseline.
   *
   * @return the alert to send, or null
   */
  public TrendAlert changed(CountKey key, Count before, Count after, Function<CountKey, Count> counts) {
    boolean mayBeAbove = after != null && after.papers() >= threshold.minPapers();
    boolean mayHaveBeenAbove = before != null && before.papers() >= threshold.minPapers();
    if (!mayBeAbove && !mayHaveBeenAbove) {
      return null;
    }
    Bytes alertKey = key.bytes();
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
}
