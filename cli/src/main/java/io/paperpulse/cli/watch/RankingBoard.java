package io.paperpulse.cli.watch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The terminal view of a ranking: one line per tag with an arrow for its rank change since the
 * previous ranking of the same bucket (a new bucket starts without arrows).
 */
final class RankingBoard {

  static final String UP = "▲";
  static final String DOWN = "▼";
  static final String NEW = "★";

  private final int limit;
  private String bucket;
  private Map<String, Integer> previous = Map.of();
  private boolean firstOfBucket = true;

  RankingBoard(int limit) {
    this.limit = limit;
  }

  /** Renders {@code ranking} (the API's trending JSON) and remembers it for the next arrows. */
  List<String> render(JsonNode ranking) {
    String thisBucket =
        ranking.path("granularity").asText() + " " + ranking.path("bucketStart").asText();
    if (!thisBucket.equals(bucket)) {
      bucket = thisBucket;
      previous = Map.of();
      firstOfBucket = true;
    }
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "paperpulse · trending tags · %s %s to %s",
            ranking.path("granularity").asText(),
            ranking.path("bucketStart").asText(),
            ranking.path("bucketEnd").asText()));
    lines.add("");
    lines.add(
        String.format(
            Locale.ROOT,
            "%4s %-4s %-44s %-9s %7s %7s",
            "rank",
            "",
            "tag",
            "kind",
            "papers",
            "score"));
    Map<String, Integer> ranks = new HashMap<>();
    int shown = 0;
    for (JsonNode tag : ranking.path("tags")) {
      String name = tag.path("tag").asText();
      int rank = tag.path("rank").asInt();
      ranks.put(name, rank);
      if (shown++ < limit) {
        lines.add(
            String.format(
                Locale.ROOT,
                "%4d %-4s %-44s %-9s %7d %7.2f",
                rank,
                movement(name, rank),
                shorten(name, 44),
                tag.path("kind").asText().toLowerCase(Locale.ROOT),
                tag.path("paperCount").asLong(),
                tag.path("score").asDouble()));
      }
    }
    if (shown == 0) {
      lines.add("     (no tags in this bucket yet)");
    }
    previous = ranks;
    firstOfBucket = false;
    return lines;
  }

  private String movement(String tag, int rank) {
    if (firstOfBucket) {
      return "";
    }
    Integer before = previous.get(tag);
    if (before == null) {
      return NEW;
    }
    if (before > rank) {
      return UP + (before - rank);
    }
    if (before < rank) {
      return DOWN + (rank - before);
    }
    return "";
  }

  private static String shorten(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "…";
  }
}
