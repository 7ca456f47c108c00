package io.paperpulse.cli.demo;

import io.paperpulse.schema.TopPaper;
import io.paperpulse.schema.TrendAlert;
import io.paperpulse.schema.TrendingTags;
import io.paperpulse.streams.alerts.AlertsQueries;
import io.paperpulse.streams.app.PaperPulseStreamsApp;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.papers.TopPapersMerge;
import io.paperpulse.streams.papers.TopPapersQueries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the demo shows, read from the state stores: the rankings of the latest years with papers,
 * oldest first so the newest ends up next to the prompt, each with its top papers, and the alerts
 * raised. A value: two reads of unchanged state are equal, which is how the demo notices new input.
 *
 * @param years the latest year rankings, oldest first, each with its top papers
 * @param alerts alerts raised, the newest bucket first, highest score first within a bucket
 */
record TrendingReport(List<Year> years, List<TrendAlert> alerts) {

  /** One year's ranking and its top papers by upvotes. */
  record Year(TrendingTags ranking, List<TopPaper> papers) {
    Year {
      papers = List.copyOf(papers);
    }
  }

  private static final int MAX_ALERTS = 10;

  TrendingReport {
    years = List.copyOf(years);
    alerts = List.copyOf(alerts);
  }

  /**
   * Reads the stores of this instance (the demo runs one instance, which hosts every bucket).
   * Throws {@code InvalidStateStoreException} while the application is rebalancing.
   */
  static TrendingReport read(PaperPulseStreamsApp app, int yearsShown, int papersShown) {
    List<TrendingTags> rankings = app.queries().all(Granularity.YEAR);
    TopPapersQueries papers = new TopPapersQueries(app.streams());
    List<Year> years = new ArrayList<>();
    for (TrendingTags ranking :
        rankings.subList(Math.max(0, rankings.size() - yearsShown), rankings.size())) {
      years.add(
          new Year(
              ranking,
              TopPapersMerge.ranked(
                  papers.bucket(Granularity.YEAR, ranking.getBucketStart(), null, papersShown),
                  papersShown)));
    }
    List<TrendAlert> alerts = new ArrayList<>(new AlertsQueries(app.streams()).all());
    alerts.sort(
        Comparator.comparing(TrendAlert::getBucketStart, Comparator.reverseOrder())
            .thenComparing(TrendAlert::getScore, Comparator.reverseOrder())
            .thenComparing(TrendAlert::getGranularity)
            .thenComparing(TrendAlert::getTag));
    return new TrendingReport(years, alerts.subList(0, Math.min(MAX_ALERTS, alerts.size())));
  }

  boolean isEmpty() {
    return years.isEmpty();
  }

  /** Each year's ranking and top papers, then the alerts, each table followed by a blank line. */
  List<String> render(int rowsPerTable) {
    List<String> lines = new ArrayList<>();
    for (Year year : years) {
      lines.addAll(TrendingTable.render(year.ranking(), rowsPerTable));
      lines.add("");
      if (!year.papers().isEmpty()) {
        lines.addAll(TrendingTable.renderPapers(year.ranking(), year.papers()));
        lines.add("");
      }
    }
    lines.addAll(TrendingTable.renderAlerts(alerts));
    lines.add("");
    return lines;
  }
}
