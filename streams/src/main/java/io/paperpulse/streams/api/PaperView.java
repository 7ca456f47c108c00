package io.paperpulse.streams.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.paperpulse.schema.PaperEvent;
import io.paperpulse.schema.TaggedPaper;
import java.util.List;

/** JSON of {@code GET /api/papers/{id}}: the paper's latest version and its tags. */
public record PaperView(
    String id,
    String title,
    @JsonProperty("abstract") String abstractText,
    List<String> authors,
    int authorCount,
    String publishedAt,
    int upvotes,
    String source,
    String url,
    String arxivId,
    List<String> categories,
    List<TagEntry> tags,
    String taggerVersion) {

  /** One tag of the paper. */
  public record TagEntry(String name, String kind, double score) {}

  public static PaperView of(TaggedPaper tagged) {
    PaperEvent paper = tagged.getPaper();
    return new PaperView(
        paper.getId(),
        paper.getTitle(),
        paper.getAbstract$(),
        List.copyOf(paper.getAuthors()),
        paper.getAuthorCount(),
        paper.getPublishedAt().toString(),
        paper.getUpvotes(),
        paper.getSource(),
        paper.getUrl(),
        paper.getArxivId(),
        List.copyOf(paper.getCategories()),
        tagged.getTags().stream().map(tag -> new TagEntry(tag.getName(), tag.getKind().name(), tag.getScore())).toList(),
        tagged.getTaggerVersion());
  }
}
