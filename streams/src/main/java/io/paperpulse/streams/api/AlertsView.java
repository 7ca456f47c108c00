package io.paperpulse.streams.api;

import io.paperpulse.schema.TrendAlert;
import io.paperpulse.streams.buckets.Granularity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * JSON of {@code GET /api/alerts?granularity=&bucket=&limit=}: the alerts raised in a bucket, the
 * last one per tag, highest score first (ties: more papers, then tag name). Also one instance's
 * part of that answer, which {@link #merge} combines.
 */
public record AlertsView(
    String granularity, String bucketStart, String bucketEnd, List<Entry> alerts) {

  /** One alert, as on trend-alerts. */
  public record Entry(
      String tag,
      String kind,
      String granularity,
      String bucketStart,
      String bucketEnd,
      long paperCount,
      long upvoteSum,
      double baseline,
      double score) {}

  private static final Comparator<Entry> ORDER =
      Comparator.comparingDouble((Entry e) -> -e.score())
          .thenComparingLong(e -> -e.paperCount())
          .thenComparing(Entry::tag);

  public AlertsView {
    alerts = List.copyOf(alerts);
  }

  public static AlertsView of(
      Granularity granularity, LocalDate bucketStart, List<TrendAlert> alerts) {
    return new AlertsView(
        granularity.label(),
        bucketStart.toString(),
        granularity.bucketEnd(bucketStart).toString(),
        alerts.stream().map(AlertsView::entry).sorted(ORDER).toList());
  }

  /**
   * The parts of several instances as one answer about the latest bucket any part is about, cut to
   * {@code limit}.
   */
  public static AlertsView merge(List<AlertsView> parts, int limit) {
    String latest =
        parts.stream().map(AlertsView::bucketStart).max(String::compareTo).orElseThrow();
    AlertsView first =
        parts.stream().filter(part -> part.bucketStart().equals(latest)).findFirst().orElseThrow();
    List<Entry> union = new ArrayList<>();
    parts.stream()
        .filter(part -> part.bucketStart().equals(latest))
        .forEach(part -> union.addAll(part.alerts()));
    union.sort(ORDER);
    return new AlertsView(
        first.granularity(),
        first.bucketStart(),
        first.bucketEnd(),
        union.subList(0, Math.min(limit, union.size())));
  }

  private static Entry entry(TrendAlert alert) {
    return new Entry(
        alert.getTag(),
        alert.getKind().name(),
        alert.getGranularity(),
        alert.getBucketStart().toString(),
        alert.getBucketEnd().toString(),
        alert.getPaperCount(),
        alert.getUpvoteSum(),
        alert.getBaseline(),
        alert.getScore());
  }
}
