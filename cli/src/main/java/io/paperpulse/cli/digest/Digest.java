package io.paperpulse.cli.digest;

import java.time.LocalDate;
import java.util.List;

/**
 * What one digest mail reports about one bucket: its trending tags, the alerts raised in it and its
 * top papers, as the HTTP API answered them (already cut to the requested tags and limits).
 *
 * @param granularity day, week, month or year
 * @param bucketStart first day of the bucket
 * @param bucketEnd first day after the bucket
 * @param latest whether the bucket is the latest one (no bucket was asked for), so "this week" fits
 * @param onlyTags the tags the digest was restricted to; empty for all
 * @param alerts the alerts; empty too when the instance does not serve them ({@code alertsServed}
 *     false)
 * @param papers the top papers; empty too when the instance does not serve them ({@code
 *     papersServed} false)
 * @param source the API's base URL, named in the mail so a reader knows where it came from
 */
record Digest(
    String granularity,
    LocalDate bucketStart,
    LocalDate bucketEnd,
    boolean latest,
    List<String> onlyTags,
    List<TrendingTag> tags,
    List<Alert> alerts,
    boolean alertsServed,
    List<Paper> papers,
    boolean papersServed,
    String source) {

  Digest {
    onlyTags = List.copyOf(onlyTags);
    tags = List.copyOf(tags);
    alerts = List.copyOf(alerts);
    papers = List.copyOf(papers);
  }

  /** One entry of the bucket's ranking ({@code /api/trending}). */
  record TrendingTag(
      int rank, String tag, String kind, long paperCount, long upvoteSum, double score) {}

  /** One alert raised in the bucket ({@code /api/alerts}). */
  record Alert(
      String tag, String kind, long paperCount, long upvoteSum, double baseline, double score) {}

  /**
   * One of the bucket's top papers ({@code /api/papers}).
   *
   * @param url the paper's page; null when the source gave none
   */
  record Paper(
      String id, String title, long upvotes, String publishedAt, String url, List<String> tags) {

    Paper {
      tags = List.copyOf(tags);
    }
  }
}
