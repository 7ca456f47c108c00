package io.paperpulse.cli.demo;

import io.paperpulse.schema.TopPaper;
import io.paperpulse.schema.TrendAlert;
import io.paperpulse.schema.TrendingTag;
import io.paperpulse.schema.TrendingTags;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a bucket's ranking, its top papers and alerts as headings and tables with aligned
 * columns, for a terminal.
 */
final class TrendingTable {

  private static final int MAX_TAG_WIDTH = 40;
  private static final int MAX_TITLE_WIDTH = 60;
  private static final String[] HEADER = {"rank", "tag", "kind", "papers", "upvotes", "score"};

  /** Numbers right-aligned, text left-aligned. */
  private static final boolean[] RIGHT = {true, false, false, true, true, true};

  private static final String[] PAPER_HEADER = {"rank", "upvotes", "published", "title", "tags"};
  private static final boolean[] PAPER_RIGHT = {true, true, false, false, false};
  private static final String[] ALERT_HEADER = {"bucket", "tag", "papers", "baseline", "score"};
  private static final boolean[] ALERT_RIGHT = {false, false, true, true, true};
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT);

  private TrendingTable() {}

  /** The heading and at most {@code maxRows} ranked tags. */
  static List<String> render(TrendingTags ranking, int maxRows) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    for (TrendingTag tag :
        ranking.getTags().subList(0, Math.min(maxRows, ranking.getTags().size()))) {
      rows.add(
          new String[] {
            String.valueOf(tag.getRank()),
            abbreviate(tag.getTag(), MAX_TAG_WIDTH),
            tag.getKind().name().toLowerCase(Locale.ROOT),
            String.valueOf(tag.getPaperCount()),
            String.valueOf(tag.getUpvoteSum()),
            String.format(Locale.ROOT, "%.2f", tag.getScore()),
          });
    }
    return table("Trending tags, " + bucketName(ranking), rows, RIGHT);
  }

  /** The bucket's top papers by upvotes. */
  static List<String> renderPapers(TrendingTags ranking, List<TopPaper> papers) {
    List<String[]> rows = new ArrayList<>();
    rows.add(PAPER_HEADER);
    for (TopPaper paper : papers) {
      rows.add(
          new String[] {
            String.valueOf(paper.getRank()),
            String.valueOf(paper.getUpvotes()),
            paper.getPublishedAt().toString().substring(0, 10),
            abbreviate(paper.getTitle(), MAX_TITLE_WIDTH),
            abbreviate(
                String.join(", ", paper.getTags().subList(0, Math.min(3, paper.getTags().size()))),
                MAX_TAG_WIDTH),
          });
    }
    return table("Top papers, " + bucketName(ranking) + ", by upvotes", rows, PAPER_RIGHT);
  }

  /** The alerts raised: tags whose trend score crossed the threshold in a bucket. */
  static List<String> renderAlerts(List<TrendAlert> alerts) {
    if (alerts.isEmpty()) {
      return List.of("Alerts: none, no tag took off in any bucket.");
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(ALERT_HEADER);
    for (TrendAlert alert : alerts) {
      rows.add(
          new String[] {
            alert.getGranularity() + " " + alert.getBucketStart(),
            abbreviate(alert.getTag(), MAX_TAG_WIDTH),
            String.valueOf(alert.getPaperCount()),
            String.format(Locale.ROOT, "%.1f", alert.getBaseline()),
            String.format(Locale.ROOT, "%.2f", alert.getScore()),
          });
    }
    return table("Alerts: tags that took off, newest bucket first", rows, ALERT_RIGHT);
  }

  private static List<String> table(String heading, List<String[]> rows, boolean[] right) {
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int column = 0; column < row.length; column++) {
        widths[column] = Math.max(widths[column], row[column].length());
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add(heading);
    for (String[] row : rows) {
      lines.add(line(row, widths, right));
    }
    return lines;
  }

  /** "year 2024 (2024-01-01 to 2024-12-31)": the bucket's name, then its inclusive day range. */
  static String bucketName(TrendingTags ranking) {
    LocalDate start = ranking.getBucketStart();
    LocalDate lastDay = ranking.getBucketEnd().minusDays(1);
    String name =
        switch (ranking.getGranularity()) {
          case "year" -> String.valueOf(start.getYear());
          case "month" -> MONTH.format(start);
          case "week" -> "week of " + start;
          default -> start.toString();
        };
    String range = start.equals(lastDay) ? "" : " (" + start + " to " + lastDay + ")";
    return ranking.getGranularity() + " " + name + range;
  }

  private static String line(String[] row, int[] widths, boolean[] right) {
    StringBuilder line = new StringBuilder("  ");
    for (int column = 0; column < row.length; column++) {
      if (column > 0) {
        line.append("  ");
      }
      String padding = " ".repeat(widths[column] - row[column].length());
      line.append(right[column] ? padding + row[column] : row[column] + padding);
    }
    return line.toString().stripTrailing();
  }

  private static String abbreviate(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 3) + "...";
  }
}
