package io.paperpulse.streams.alerts;

import com.carrotsearch.hppc.LongHashSet;
import io.paperpulse.schema.TrendAlert;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.topology.counts.Count;
import io.paperpulse.streams.topology.counts.CountKey;
import io.paperpulse.streams.topology.counts.CountTable;
import io.paperpulse.streams.topology.serde.BinaryAvroSerde;
import io.paperpulse.streams.trending.TrendScore;
import io.paperpulse.streams.trending.TrendingStoreKeys;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Decides, at each change of a count, whether its tag just took off in that bucket: the score,
 * against the tag's baseline as it is at that moment, crossed the {@link AlertThreshold} from
 * below. A tag alerted in a bucket is not alerted there again until a change finds it below.
 *
 * <p>Decided per record, in the order the counting task applies its input, never per wall-clock
 * interval: the same input gives the same alerts. Any bucket can alert, not only the newest: input
 * need not arrive in date order (a backfill, the generator), and a bucket's count is compared with
 * the buckets before it, whatever has arrived for them so far.
 *
 * <p>The store keeps, per (granularity, bucket, tag) ever alerted, the last alert raised and
 * whether the tag is still above the threshold (one byte before the alert's plain Avro). It is
 * changelogged, so a restart continues where the task stopped, and ordered by bucket, so the API
 * reads a bucket's alerts with one prefix scan. It is written only when a tag crosses.
 *
 * <p>A count is scored when it changes, except when a tag already above gains papers: its score can
 * then only fall through a rise of its baseline, and that is seen at the next change of the count
 * that is scored (a loss of papers). What is decided still depends on the input alone.
 */
public final class TrendAlerts {

  private static final byte ABOVE = 1;
  private static final byte BELOW = 0;
  private static final BinaryAvroSerde<TrendAlert> AVRO = new BinaryAvroSerde<>(TrendAlert.class);

  private final KeyValueStore<Bytes, byte[]> state;
  private final AlertThreshold threshold;
  private final int lookback;

  /**
   * The counts whose tags are above the threshold now: read once from the store, so that the
   * counting task's changes, most of which concern tags not alerted, never read it.
   */
  private final LongHashSet above = new LongHashSet();

  private final CountTable counts;

  /**
   * @param counts the counts of the task: the codes of changes, and the counts in earlier buckets,
   *     for the baseline
   */
  public TrendAlerts(
      KeyValueStore<Bytes, byte[]> state,
      AlertThreshold threshold,
      int lookback,
      CountTable counts) {
    this.state = state;
    this.threshold = threshold;
    this.lookback = lookback;
    this.counts = counts;
    try (KeyValueIterator<Bytes, byte[]> it = state.all()) {
      it.forEachRemaining(
          entry -> {
            if (entry.value[0] == ABOVE) {
              above.add(code(alert(entry.value)));
            }
          });
    }
  }

  /**
   * The count under {@code code} ({@link CountTable#code}) changed from {@code before} to {@code
   * after} (either may be null).
   *
   * @return the alert to send, or null
   */
  public TrendAlert changed(long code, Count before, Count after) {
    boolean mayBeAbove = after != null && after.papers() >= threshold.minPapers();
    boolean mayHaveBeenAbove = before != null && before.papers() >= threshold.minPapers();
    if (!mayBeAbove && !mayHaveBeenAbove) {
      return null;
    }
    boolean alerted = above.contains(code);
    if (!mayBeAbove || alerted && before != null && after.papers() > before.papers()) {
      // fewer papers than the threshold needs, or more papers for a tag already above: the score
      // can only cross by a change of the baseline, which is left to the next change of this count
      if (!mayBeAbove && alerted) {
        fellBelow(code);
      }
      return null;
    }
    long sum = 0;
    for (long papers : counts.history(code, lookback)) {
      sum += papers;
    }
    double baseline = (double) sum / lookback;
    double score = TrendScore.score(after.papers(), baseline);
    boolean reached = threshold.reached(after.papers(), score);
    if (reached && !alerted) {
      TrendAlert alert = alert(counts.key(code), after, baseline, score);
      byte[] encoded = AVRO.serializer().serialize(null, alert);
      byte[] value = new byte[encoded.length + 1];
      value[0] = ABOVE;
      System.arraycopy(encoded, 0, value, 1, encoded.length);
      state.put(storeKey(counts.key(code)), value);
      above.add(code);
      return alert;
    }
    if (!reached && alerted) {
      fellBelow(code);
    }
    return null;
  }

  /** The alert for the count under {@code key}, scored against a mean of {@code baseline}. */
  static TrendAlert alert(CountKey key, Count count, double baseline, double score) {
    return new TrendAlert(
        key.tag(),
        count.kind(),
        key.granularity().label(),
        key.bucketStart(),
        key.granularity().bucketEnd(key.bucketStart()),
        count.papers(),
        count.upvotes(),
        baseline,
        score);
  }

  private void fellBelow(long code) {
    Bytes alertKey = storeKey(counts.key(code));
    byte[] value = state.get(alertKey).clone();
    value[0] = BELOW;
    state.put(alertKey, value);
    above.remove(code);
  }

  /** The store key of a tag's alerts in a bucket: all alerts of one bucket are one prefix scan. */
  public static Bytes storeKey(CountKey count) {
    byte[] prefix = TrendingStoreKeys.bucketPrefix(count.granularity(), count.bucketStart()).get();
    byte[] tag = count.tag().getBytes(StandardCharsets.UTF_8);
    byte[] key = new byte[prefix.length + tag.length];
    System.arraycopy(prefix, 0, key, 0, prefix.length);
    System.arraycopy(tag, 0, key, prefix.length, tag.length);
    return Bytes.wrap(key);
  }

  private long code(TrendAlert alert) {
    return CountTable.code(
        counts.tagNumber(alert.getTag()),
        Granularity.fromLabel(alert.getGranularity()),
        alert.getBucketStart());
  }

  /** The last alert raised, from a store value. */
  public static TrendAlert alert(byte[] value) {
    return AVRO.deserializer().deserialize(null, Arrays.copyOfRange(value, 1, value.length));
  }
}
