package io.paperpulse.producer.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpulse.producer.paper.PaperIds;
import io.paperpulse.schema.AuthorAffiliation;
import io.paperpulse.schema.PaperEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads JSON Lines: one object per line with the {@code PaperEvent} field names. {@code id} is
 * optional (derived like every other format when absent); {@code {"id": "...", "deleted": true}}
 * deletes a paper. {@code ingestedAt} is always set by the producer. Blank lines are skipped.
 */
final class JsonLinesParser implements PaperParser {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  public List<ParseResult> parse(String content, ParseContext context) {
    List<ParseResult> results = new ArrayList<>();
    String[] lines = content.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = i == 0 ? lines[i].replace("\uFEFF", "") : lines[i];
      if (!line.isBlank()) {
        results.add(parseLine(line, i + 1, context));
      }
    }
    return results;
  }

  private static ParseResult parseLine(String text, int line, ParseContext context) {
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      ParseError error = context.recordError(line, JsonRecords.reason(e));
      return new ParseResult.Invalid(
          e.getLocation() != null && e.getLocation().getColumnNr() > 0
              ? error.at(line, e.getLocation().getColumnNr())
              : error);
    }
    if (node == null || !node.isObject()) {
      return new ParseResult.Invalid(
          context.recordError(line, "expected a JSON object, found: " + abbreviate(text)));
    }
    JsonNode deleted = node.get("deleted");
    if (deleted != null && !deleted.isNull()) {
      if (!deleted.isBoolean()) {
        return new ParseResult.Invalid(
            context.fieldError(line, "deleted", "not a boolean: " + deleted));
      }
      if (deleted.booleanValue()) {
        return tombstone(node, line, context);
      }
    }
    return paper(node, text, line, context);
  }

  private static ParseResult tombstone(JsonNode node, int line, ParseContext context) {
    JsonNode id = node.get("id");
    if (id == null || !id.isTextual() || id.asText().isBlank()) {
      return new ParseResult.Invalid(
          context.fieldError(
              line,
              "id",
              id == null || id.isNull()
                  ? "missing: a delete needs the paper id"
                  : "not a paper id: " + id));
    }
    return new ParseResult.Tombstone(line, normalizedId(id.asText()));
  }

  /**
   * The optional fields of {@code PaperEvent}, by their Avro names, so that what consume prints can
   * be produced again.
   */
  private static void details(JsonFields fields, PaperEvent.Builder event) {
    fields.text("primaryCategory", "primaryCategory").ifPresent(event::setPrimaryCategory);
    fields.text("comment", "comment").ifPresent(event::setComment);
    fields.text("journalRef", "journalRef").ifPresent(event::setJournalRef);
    fields.text("doi", "doi").ifPresent(event::setDoi);
    fields.instant("updatedAt", "updatedAt").ifPresent(event::setUpdatedAt);
    fields
        .objects("authorAffiliations", "authorAffiliations")
        .ifPresent(
            list -> {
              List<AuthorAffiliation> affiliations = new ArrayList<>();
              for (JsonFields item : list) {
                affiliations.add(
                    new AuthorAffiliation(
                        item.text("author", "authorAffiliations").orElse(""),
                        item.strings("affiliations", "authorAffiliations", null)
                            .orElse(List.of())));
              }
              event.setAuthorAffiliations(affiliations);
            });
    fields.instant("featuredAt", "featuredAt").ifPresent(event::setFeaturedAt);
    fields.instant("listedAt", "listedAt").ifPresent(event::setListedAt);
    fields.integer("commentCount", "commentCount").ifPresent(event::setCommentCount);
    fields.text("submittedBy", "submittedBy").ifPresent(event::setSubmittedBy);
    fields.text("thumbnailUrl", "thumbnailUrl").ifPresent(event::setThumbnailUrl);
    fields.text("aiSummary", "aiSummary").ifPresent(event::setAiSummary);
    fields.strings("aiKeywords", "aiKeywords", null).ifPresent(event::setAiKeywords);
    fields.text("githubRepo", "githubRepo").ifPresent(event::setGithubRepo);
    fields.integer("githubStars", "githubStars").ifPresent(event::setGithubStars);
    fields.text("projectPage", "projectPage").ifPresent(event::setProjectPage);
    fields.text("organization", "organization").ifPresent(event::setOrganization);
  }

  private static ParseResult paper(JsonNode node, String text, int line, ParseContext context) {
    PaperDraft draft =
        new PaperDraft(context, line, InputFormat.JSONL.cliName())
            .positions(new JsonPositions(text, line));
    JsonFields fields = new JsonFields(node, "", draft);
    fields.text("source", "source").filter(s -> !s.isBlank()).ifPresent(draft::source);
    Optional<String> arxivId = fields.text("arxivId", "arxivId");
    if (arxivId.isPresent()) {
      Optional<String> parsed = PaperIds.arxivId(arxivId.get());
      if (parsed.isEmpty()) {
        return draft.reject("arxivId", "not an arXiv id: '" + arxivId.get() + "'").build();
      }
      draft.arxivId(parsed.get());
    }
    fields.text("id", "id").ifPresent(id -> draft.id(normalizedId(id)));
    fields.text("title", "title").ifPresent(draft::title);
    fields.text("abstract", "abstract").ifPresent(draft::abstractText);
    fields.strings("authors", "authors", null).ifPresent(draft::authors);
    fields.integer("authorCount", "authorCount").ifPresent(draft::authorCount);
    fields.publishedAt("publishedAt");
    fields.integer("upvotes", "upvotes").ifPresent(draft::upvotes);
    fields.text("url", "url").ifPresent(draft::url);
    fields.strings("categories", "categories", null).ifPresent(draft::categories);
    details(fields, draft.details());
    return draft.build();
  }

  /**
   * An explicit arXiv-style id loses its version suffix like everywhere else; other ids are kept.
   */
  private static String normalizedId(String id) {
    String trimmed = id.trim();
    return trimmed.startsWith(PaperIds.TITLE_HASH_PREFIX)
        ? trimmed
        : PaperIds.arxivId(trimmed).orElse(trimmed);
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }
}
