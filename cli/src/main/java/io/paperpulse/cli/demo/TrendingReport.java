package io.paperpulse.cli.demo;

import io.paperpulse.schema.TrendingKey;
import io.paperpulse.schema.TrendingTags;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.topology.StoreNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The rankings the demo shows, read from the trending state store: the latest years with papers, then the
 * latest months with papers, oldest first so the newest table ends up next to the prompt. A value: two reads of
 * unchanged state are equal, which is how the demo notices new input.
 *
 * @param years  the latest year rankings, oldest first
 * @param months the latest month rankings, oldest first
 */
record TrendingReport(List<TrendingTags> years, List<TrendingTags> months) {

    TrendingReport {
        years = List.copyOf(years);
        months = List.copyOf(months);
    }

    /**
     * Reads the store of this instance (the demo runs one instance, which hosts every bucket). Throws
     * {@code InvalidStateStoreException} while the application is rebalancing.
     */
    static TrendingReport read(KafkaStreams streams, int yearsShown, int monthsShown) {
        ReadOnlyKeyValueStore<TrendingKey, TrendingTags> store = streams.store(StoreQueryParameters.fromNameAndType(
                StoreNames.TRENDING_TAGS, QueryableStoreTypes.<TrendingKey, TrendingTags>keyValueStore()));
        List<TrendingTags> years = new ArrayList<>();
        List<TrendingTags> months = new ArrayList<>();
        try (KeyValueIterator<TrendingKey, TrendingTags> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<TrendingKey, TrendingTags> next = all.next();
                if (next.value == null || next.value.getTags().isEmpty()) {
                    continue;
                }
                String granularity = next.key.getGranularity();
                if (granularity.equals(Granularity.YEAR.label())) {
                    years.add(next.value);
                } else if (granularity.equals(Granularity.MONTH.label())) {
                    months.add(next.value);
                }
            }
        }
        Comparator<TrendingTags> oldestFirst = Comparator.comparing(TrendingTags::getBucketStart);
        years.sort(oldestFirst);
        months.sort(oldestFirst);
        return new TrendingReport(latest(years, yearsShown), latest(months, monthsShown));
    }

    private static List<TrendingTags> latest(List<TrendingTags> oldestFirst, int count) {
        return oldestFirst.subList(Math.max(0, oldestFirst.size() - count), oldestFirst.size());
    }

    boolean isEmpty() {
        return years.isEmpty() && months.isEmpty();
    }

    /** All tables, each followed by a blank line. */
    List<String> render(int rowsPerTable) {
        List<String> lines = new ArrayList<>();
        for (List<TrendingTags> rankings : List.of(years, months)) {
            for (TrendingTags ranking : rankings) {
                lines.addAll(TrendingTable.render(ranking, rowsPerTable));
                lines.add("");
            }
        }
        return lines;
    }
}
