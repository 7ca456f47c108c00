package io.paperpulse.cli.demo;

import io.paperpulse.schema.TrendingTag;
import io.paperpulse.schema.TrendingTags;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders one bucket's ranking as a heading and a table with aligned columns, for a terminal. */
final class TrendingTable {

    private static final int MAX_TAG_WIDTH = 40;
    private static final String[] HEADER = {"rank", "tag", "kind", "papers", "upvotes", "score"};
    /** Numbers right-aligned, text left-aligned. */
    private static final boolean[] RIGHT = {true, false, false, true, true, true};
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT);

    private TrendingTable() {
    }

    /** The heading and at most {@code maxRows} ranked tags. */
    static List<String> render(TrendingTags ranking, int maxRows) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (TrendingTag tag : ranking.getTags().subList(0, Math.min(maxRows, ranking.getTags().size()))) {
            rows.add(new String[] {
                String.valueOf(tag.getRank()),
                abbreviate(tag.getTag()),
                tag.getKind().name().toLowerCase(Locale.ROOT),
                String.valueOf(tag.getPaperCount()),
                String.valueOf(tag.getUpvoteSum()),
                String.format(Locale.ROOT, "%.2f", tag.getScore()),
            });
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(heading(ranking));
        for (String[] row : rows) {
            lines.add(line(row, widths));
        }
        return lines;
    }

    /** "year 2024 (2024-01-01 to 2024-12-31)": the bucket's name, then its inclusive day range. */
    static String heading(TrendingTags ranking) {
        LocalDate start = ranking.getBucketStart();
        LocalDate lastDay = ranking.getBucketEnd().minusDays(1);
        String name = switch (ranking.getGranularity()) {
            case "year" -> String.valueOf(start.getYear());
            case "month" -> MONTH.format(start);
            case "week" -> "week of " + start;
            default -> start.toString();
        };
        String range = start.equals(lastDay) ? "" : " (" + start + " to " + lastDay + ")";
        return "Trending tags, " + ranking.getGranularity() + " " + name + range;
    }

    private static String line(String[] row, int[] widths) {
        StringBuilder line = new StringBuilder("  ");
        for (int column = 0; column < row.length; column++) {
            if (column > 0) {
                line.append("  ");
            }
            String padding = " ".repeat(widths[column] - row[column].length());
            line.append(RIGHT[column] ? padding + row[column] : row[column] + padding);
        }
        return line.toString().stripTrailing();
    }

    private static String abbreviate(String tag) {
        return tag.length() <= MAX_TAG_WIDTH ? tag : tag.substring(0, MAX_TAG_WIDTH - 3) + "...";
    }
}
