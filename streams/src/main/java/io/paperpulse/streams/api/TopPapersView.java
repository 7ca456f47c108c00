package io.paperpulse.streams.api;

import io.paperpulse.schema.TopPaper;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.papers.TopPapersMerge;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON of {@code GET /api/papers?granularity=&bucket=&tag=&limit=}: a bucket's top papers by
 * upvotes (ties: newest, then id), rank 1 first, only those carrying {@code tag} when one is given.
 * Also one instance's part of that answer, which {@link #merge} combines.
 */
public record TopPapersView(
    String granularity, String bucketStart, String bucketEnd, String tag, List<Entry> papers) {

  /** One ranked paper. */
  public record Entry(
      int rank,
      String id,
      String title,
      int upvotes,
      String publishedAt,
      String url,
      List<String> tags) {}

  public TopPapersView {
    papers = List.copyOf(papers);
  }

  public static TopPapersView of(
      Granularity granularity, LocalDate bucketStart, String tag, List<TopPaper> papers) {
    return new TopPapersView(
        granularity.label(),
        bucketStart.toString(),
        granularity.bucketEnd(bucketStart).toString(),
        tag,
        papers.stream().map(TopPapersView::entry).toList());
  }

  /**
   * The parts of several instances, all about one bucket, as one answer: ranked, cut to {@code
   * limit}.
   */
  public static TopPapersView merge(List<TopPapersView> parts, int limit) {
    TopPapersView first = parts.get(0);
    List<TopPaper> union = new ArrayList<>();
    parts.forEach(part -> part.papers().forEach(entry -> union.add(paper(entry))));
    return new TopPapersView(
        first.granularity(),
        first.bucketStart(),
        first.bucketEnd(),
        first.tag(),
        TopPapersMerge.ranked(union, limit).stream().map(TopPapersView::entry).toList());
  }

  private static Entry entry(TopPaper paper) {
    return new Entry(
        paper.getRank(),
        paper.getId(),
        paper.getTitle(),
        paper.getUpvotes(),
        paper.getPublishedAt().toString(),
        paper.getUrl(),
        List.copyOf(paper.getTags()));
  }

  private static TopPaper paper(Entry entry) {
    return new TopPaper(
        entry.id(),
        entry.title(),
        entry.upvotes(),
        Instant.parse(entry.publishedAt()),
        entry.url(),
        entry.tags(),
        0);
  }
}
