package io.paperpulse.streams.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.schema.TagKind;
import io.paperpulse.schema.TrendAlert;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.topology.counts.Count;
import io.paperpulse.streams.topology.counts.CountKey;
import io.paperpulse.streams.topology.counts.CountTable;
import io.paperpulse.streams.trending.TrendScore;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TrendAlerts} decides as the rule reads, though it scores only some changes: random walks
 * of counts (papers up and down, upvote-only changes, buckets emptied and refilled, in any order)
 * go through it and through a model that scores every change, and both must raise the same alerts
 * at the same changes.
 */
class TrendAlertsModelTest {

  private static final int LOOKBACK = 4;
  private static final AlertThreshold THRESHOLD = AlertThreshold.DEFAULT;
  private static final LocalDate FIRST_WEEK = LocalDate.of(2024, 1, 1);

  @ParameterizedTest
  @ValueSource(longs = {1, 7, 42, 1234})
  void raisesTheSameAlertsAsAFullReadOfTheBaselineAtEveryChange(long seed) {
    Random random = new Random(seed);
    Map<CountKey, Count> counts = new HashMap<>();
    CountTable table = new CountTable();
    TrendAlerts alerts = new TrendAlerts(store(), THRESHOLD, LOOKBACK, table);
    Model model = new Model();
    int raised = 0;
    for (int step = 0; step < 5_000; step++) {
      CountKey key =
          new CountKey(
              Granularity.WEEK,
              random.nextBoolean() ? "diffusion" : "agents",
              FIRST_WEEK.plusWeeks(random.nextInt(12)));
      Count before = counts.get(key);
      long papers = before == null ? 0 : before.papers();
      long upvotes = before == null ? 0 : before.upvotes();
      int action = random.nextInt(10);
      if (action < 2 && before != null) {
        upvotes += 1;
      } else if (action < 5 && papers > 0) {
        papers -= 1 + random.nextInt((int) Math.min(papers, 3));
      } else {
        papers += 1 + random.nextInt(random.nextInt(10) == 0 ? 8 : 2);
      }
      Count after = papers == 0 ? null : new Count(TagKind.TOPIC, papers, upvotes);
      if (after == null) {
        counts.remove(key);
      } else {
        counts.put(key, after);
      }
      long code = table.put(key, after);
      TrendAlert expected = model.changed(key, before, after, counts);
      TrendAlert actual = alerts.changed(code, before, after);
      assertThat(actual).as("step %d, %s: %s -> %s", step, key, before, after).isEqualTo(expected);
      if (expected != null) {
        raised++;
      }
    }
    // the walk must cross the threshold often for the comparison to mean anything
    assertThat(raised).isGreaterThan(50);
  }

  private static KeyValueStore<Bytes, byte[]> store() {
    KeyValueStore<Bytes, byte[]> store =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore("raised-trend-alerts"),
                Serdes.Bytes(),
                Serdes.ByteArray())
            .withLoggingDisabled()
            .build();
    MockProcessorContext<Void, Void> context = new MockProcessorContext<>();
    store.init(context.getStateStoreContext(), store);
    return store;
  }

  /** The rule of docs/trending.md, reading the whole baseline at every scored change. */
  private static final class Model {
    private final Set<CountKey> above = new HashSet<>();

    TrendAlert changed(CountKey key, Count before, Count after, Map<CountKey, Count> counts) {
      boolean mayBeAbove = after != null && after.papers() >= THRESHOLD.minPapers();
      boolean alerted = above.contains(key);
      if (!mayBeAbove) {
        above.remove(key);
        return null;
      }
      if (alerted && before != null && after.papers() > before.papers()) {
        return null;
      }
      long[] history = new long[LOOKBACK];
      long sum = 0;
      for (int i = 0; i < LOOKBACK; i++) {
        Count past = counts.get(key.shifted(-1 - i));
        history[i] = past == null ? 0 : past.papers();
        sum += history[i];
      }
      double score = TrendScore.score(after.papers(), history);
      boolean reached = THRESHOLD.reached(after.papers(), score);
      if (reached && !alerted) {
        above.add(key);
        return TrendAlerts.alert(key, after, (double) sum / LOOKBACK, score);
      }
      if (!reached) {
        above.remove(key);
      }
      return null;
    }
  }
}
