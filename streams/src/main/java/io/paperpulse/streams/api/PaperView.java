package io.paperpulse.streams.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.paperpulse.schema.PaperEvent;
import io.paperpulse.schema.TaggedPaper;
import java.time.Instant;
import java.util.List;

/**
 * JSON of {@code GET /api/papers/{id}}: the paper's latest version and its tags. Fields a source
 * did not give (and every field added after a paper was published) are null or empty lists.
 */
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
    String primaryCategory,
    String comment,
    String journalRef,
    String doi,
    String updatedAt,
    List<Affiliation> authorAffiliations,
    String featuredAt,
    String listedAt,
    Integer commentCount,
    String submittedBy,
    String thumbnailUrl,
    String aiSummary,
    List<String> aiKeywords,
    String githubRepo,
    Integer githubStars,
    String projectPage,
    String organization,
    List<TagEntry> tags,
    String taggerVersion) {

  /** One tag of the paper. */
  public record TagEntry(String name, String kind, double score) {}

  /** The affiliations one author gives. */
  public record Affiliation(String author, List<String> affiliations) {}

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
        paper.getPrimaryCategory(),
        paper.getComment(),
        paper.getJournalRef(),
        paper.getDoi(),
        text(paper.getUpdatedAt()),
        paper.getAuthorAffiliations().stream()
            .map(a -> new Affiliation(a.getAuthor(), List.copyOf(a.getAffiliations())))
            .toList(),
        text(paper.getFeaturedAt()),
        text(paper.getListedAt()),
        paper.getCommentCount(),
        paper.getSubmittedBy(),
        paper.getThumbnailUrl(),
        paper.getAiSummary(),
        List.copyOf(paper.getAiKeywords()),
        paper.getGithubRepo(),
        paper.getGithubStars(),
        paper.getProjectPage(),
        paper.getOrganization(),
        tagged.getTags().stream()
            .map(tag -> new TagEntry(tag.getName(), tag.getKind().name(), tag.getScore()))
            .toList(),
        tagged.getTaggerVersion());
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
