package io.paperpulse.cli.digest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.paperpulse.cli.api.ApiClient;
import io.paperpulse.cli.api.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one digest from the HTTP API: the ranking of the requested bucket (the latest one when none
 * is given), then the alerts and the top papers of that same bucket, so the three parts of a mail
 * always speak of one period even while newer papers arrive.
 */
final class DigestSource {

  /**
   * Asked for when the answer is filtered here afterwards: more than any ranking or alert list
   * holds.
   */
  private static final int EVERYTHING = 10_000;

  /** Paper order of the API's top papers: most upvotes, then newest, then id. */
  private static final Comparator<Digest.Paper> TOP_PAPER_ORDER =
      Comparator.comparingLong(Digest.Paper::upvotes)
          .reversed()
          .thenComparing(DigestSource::publishedInstant, Comparator.reverseOrder())
          .thenComparing(Digest.Paper::id);

  private final ApiClient api;
  private final String granularity;
  private final LocalDate bucket;
  private final List<String> onlyTags;
  private final int tagLimit;
  private final int paperLimit;

  /**
   * @param bucket any day of the wanted bucket; null for the latest bucket
   * @param onlyTags tags to restrict the digest to; empty for all
   * @param tagLimit most trending tags, and most alerts, in a digest
   * @param paperLimit most papers in a digest
   */
  DigestSource(
      ApiClient api,
      String granularity,
      LocalDate bucket,
      List<String> onlyTags,
      int tagLimit,
      int paperLimit) {
    this.api = api;
    this.granularity = granularity;
    this.bucket = bucket;
    this.onlyTags = List.copyOf(onlyTags);
    this.tagLimit = tagLimit;
    this.paperLimit = paperLimit;
  }

  /** The digest, or empty when the instance has no ranking for the bucket (nothing counted yet). */
  Optional<Digest> read() throws ApiException, InterruptedException {
    Optional<JsonNode> found =
        api.get(
            "/api/trending",
            query(
                "granularity",
                granularity,
                "bucket",
                bucket == null ? null : bucket.toString(),
                "limit",
                Integer.toString(onlyTags.isEmpty() ? tagLimit : EVERYTHING)));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    JsonNode ranking = found.get();
    LocalDate start = date(ranking, "bucketStart");
    LocalDate end = date(ranking, "bucketEnd");
    List<Digest.TrendingTag> tags = new ArrayList<>();
    for (JsonNode entry : ranking.path("tags")) {
      Digest.TrendingTag tag =
          new Digest.TrendingTag(
              entry.path("rank").asInt(),
              entry.path("tag").asText(),
              entry.path("kind").asText(),
              entry.path("paperCount").asLong(),
              entry.path("upvoteSum").asLong(),
              entry.path("score").asDouble());
      if (wanted(tag.tag()) && tags.size() < tagLimit) {
        tags.add(tag);
      }
    }
    Optional<List<Digest.Alert>> alerts = alerts(start);
    Optional<List<Digest.Paper>> papers = papers(start);
    return Optional.of(
        new Digest(
            granularity,
            start,
            end,
            bucket == null,
            onlyTags,
            tags,
            alerts.orElse(List.of()),
            alerts.isPresent(),
            papers.orElse(List.of()),
            papers.isPresent(),
            api.baseUrl()));
  }

  /** The bucket's alerts; empty when the instance does not serve alerts at all. */
  private Optional<List<Digest.Alert>> alerts(LocalDate start)
      throws ApiException, InterruptedException {
    Optional<JsonNode> found =
        served(
            api.fetch(
                "/api/alerts",
                query(
                    "granularity",
                    granularity,
                    "bucket",
                    start.toString(),
                    "limit",
                    Integer.toString(onlyTags.isEmpty() ? tagLimit : EVERYTHING))));
    if (found == null) {
      return Optional.empty();
    }
    List<Digest.Alert> alerts = new ArrayList<>();
    for (JsonNode alert : found.map(answer -> answer.path("alerts")).orElse(missingNode())) {
      String tag = alert.path("tag").asText();
      if (wanted(tag) && alerts.size() < tagLimit) {
        alerts.add(
            new Digest.Alert(
                tag,
                alert.path("kind").asText(),
                alert.path("paperCount").asLong(),
                alert.path("upvoteSum").asLong(),
                alert.path("baseline").asDouble(),
                alert.path("score").asDouble()));
      }
    }
    return Optional.of(alerts);
  }

  /**
   * The bucket's top papers. Restricted to tags, each tag's top papers are asked for separately
   * (the API filters by one tag) and merged in the API's own order, so a paper carrying two of the
   * tags appears once. Empty when the instance does not serve top papers at all.
   */
  private Optional<List<Digest.Paper>> papers(LocalDate start)
      throws ApiException, InterruptedException {
    List<String> filters = new ArrayList<>(onlyTags);
    if (filters.isEmpty()) {
      filters.add(null);
    }
    Map<String, Digest.Paper> byId = new LinkedHashMap<>();
    for (String tag : filters) {
      Optional<JsonNode> found =
          served(
              api.fetch(
                  "/api/papers",
                  query(
                      "granularity",
                      granularity,
                      "bucket",
                      start.toString(),
                      "tag",
                      tag,
                      "limit",
                      Integer.toString(paperLimit))));
      if (found == null) {
        return Optional.empty();
      }
      for (JsonNode paper : found.map(answer -> answer.path("papers")).orElse(missingNode())) {
        Digest.Paper parsed = paper(paper);
        byId.putIfAbsent(parsed.id(), parsed);
      }
    }
    return Optional.of(byId.values().stream().sorted(TOP_PAPER_ORDER).limit(paperLimit).toList());
  }

  /**
   * The JSON of an answer, empty for "nothing in this bucket", or null when the instance does not
   * serve the path (an instance older than the endpoint): the mail then says the section is not
   * available instead of claiming there is nothing.
   */
  private static Optional<JsonNode> served(ApiClient.Answer answer) {
    if (answer instanceof ApiClient.Answer.Found found) {
      return Optional.of(found.json());
    }
    return ((ApiClient.Answer.Missing) answer).unknownPath() ? null : Optional.empty();
  }

  private static Digest.Paper paper(JsonNode paper) {
    List<String> tags = new ArrayList<>();
    for (JsonNode tag : paper.path("tags")) {
      // tag names, or tag objects as GET /api/papers/{id} gives them
      tags.add(tag.isTextual() ? tag.asText() : tag.path("name").asText(tag.path("tag").asText()));
    }
    JsonNode url = paper.path("url");
    return new Digest.Paper(
        paper.path("id").asText(),
        paper.path("title").asText(),
        paper.path("upvotes").asLong(),
        paper.path("publishedAt").asText(),
        url.isTextual() && !url.asText().isBlank() ? url.asText() : null,
        tags);
  }

  private boolean wanted(String tag) {
    return onlyTags.isEmpty() || onlyTags.contains(tag);
  }

  private static Instant publishedInstant(Digest.Paper paper) {
    try {
      return Instant.parse(paper.publishedAt());
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }

  private static LocalDate date(JsonNode answer, String field) throws ApiException {
    try {
      return LocalDate.parse(answer.path(field).asText());
    } catch (DateTimeParseException e) {
      throw new ApiException(
          "the ranking's " + field + " is not a date: '" + answer.path(field).asText() + "'");
    }
  }

  private static JsonNode missingNode() {
    return MissingNode.getInstance();
  }

  /** Query parameters in the order given; null values are left out by the client. */
  private static Map<String, String> query(String... namesAndValues) {
    Map<String, String> query = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      query.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return query;
  }
}
