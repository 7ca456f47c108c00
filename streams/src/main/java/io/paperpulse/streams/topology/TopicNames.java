package io.paperpulse.streams.topology;

import java.util.List;
import java.util.Objects;

/**
 * Names of the public topics, all derived from one prefix so several deployments can share a
 * cluster. Internal topics (repartition, changelog) are named by Kafka Streams from the application
 * id and the operator names in {@link StoreNames}.
 */
public record TopicNames(String prefix) {

  public static final String PAPERS = "papers";
  public static final String PAPERS_TAGGED = "papers-tagged";
  public static final String TAG_COUNTS = "tag-counts";
  public static final String TRENDING_TAGS = "trending-tags";
  public static final String TOP_PAPERS = "top-papers";
  public static final String TREND_ALERTS = "trend-alerts";
  public static final String PAPERS_DLQ = "papers-dlq";

  public TopicNames {
    Objects.requireNonNull(prefix, "prefix");
  }

  public static TopicNames unprefixed() {
    return new TopicNames("");
  }

  public String papers() {
    return prefix + PAPERS;
  }

  public String papersTagged() {
    return prefix + PAPERS_TAGGED;
  }

  public String tagCounts() {
    return prefix + TAG_COUNTS;
  }

  public String trendingTags() {
    return prefix + TRENDING_TAGS;
  }

  public String topPapers() {
    return prefix + TOP_PAPERS;
  }

  public String trendAlerts() {
    return prefix + TREND_ALERTS;
  }

  public String papersDlq() {
    return prefix + PAPERS_DLQ;
  }

  /** Topics keyed by an identity whose latest value is all that matters: safe to compact. */
  public List<String> upsertTopics() {
    return List.of(papers(), papersTagged(), tagCounts(), trendingTags(), topPapers());
  }

  public List<String> all() {
    return List.of(
        papers(),
        papersTagged(),
        tagCounts(),
        trendingTags(),
        topPapers(),
        trendAlerts(),
        papersDlq());
  }
}
