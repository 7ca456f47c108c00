package io.paperpulse.cli.demo;

import io.paperpulse.schema.TrendingTags;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.trending.TrendingQueries;
import java.util.ArrayList;
import java.util.List;

/**
 * The rankings the demo shows, read from the trending state stores: the latest years with papers, then the
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
     * Reads the stores of this instance (the demo runs one instance, which hosts every bucket). Throws
     * {@code InvalidStateStoreException} while the application is rebalancing.
     */
    static TrendingReport read(TrendingQueries queries, int yearsShown, int monthsShown) {
        List<TrendingTags> years = queries.all(Granularity.YEAR);
        List<TrendingTags> months = queries.all(Granularity.MONTH);
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
