package io.paperpulse.producer.format;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpulse.producer.paper.PaperIds;
import io.paperpulse.producer.paper.PaperText;
import io.paperpulse.schema.PaperEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the Daily Papers API answer: a JSON array of entries, each with a {@code paper} object
 * ({@code id}, the arXiv id, {@code title}, {@code summary}, {@code authors[].name}, {@code
 * publishedAt}, {@code upvotes}, {@code submittedOnDailyAt}, {@code ai_summary}, {@code
 * ai_keywords}, {@code githubRepo}, {@code githubStars}, {@code projectPage}, {@code organization})
 * and fields of the listing itself ({@code publishedAt}, {@code numComments}, {@code submittedBy},
 * {@code thumbnail}). The service sends the whole array on one line, so an error names the entry
 * (its index in the array and paper id) and the column of the bad value.
 */
final class HfJsonParser implements PaperParser {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String PAPER_PAGE = "https://huggingface.co/papers/";

  @Override
  public List<ParseResult> parse(String content, ParseContext context) {
    List<ParseResult> results = new ArrayList<>();
    JsonPositions positions = new JsonPositions(content, 1);
    int index = -1;
    try (JsonParser json = MAPPER.createParser(content)) {
      JsonToken first = json.nextToken();
      if (first != JsonToken.START_ARRAY) {
        int line = first == null ? 1 : json.currentTokenLocation().getLineNr();
        results.add(
            new ParseResult.Invalid(
                context.recordError(line, "expected a JSON array of Daily Papers entries")));
        return results;
      }
      for (JsonToken token = json.nextToken();
          token != JsonToken.END_ARRAY;
          token = json.nextToken()) {
        index++;
        JsonLocation start = json.currentTokenLocation();
        if (token != JsonToken.START_OBJECT) {
          results.add(
              new ParseResult.Invalid(
                  context
                      .recordError(
                          start.getLineNr(),
                          "expected an entry object, found "
                              + (token == null ? "the end of the document" : token))
                      .at(start.getLineNr(), start.getColumnNr())
                      .inEntry(label(index, positions))));
          return results;
        }
        JsonNode entry = json.readValueAsTree();
        results.add(entry(entry, index, start.getLineNr(), positions, context));
      }
    } catch (JsonProcessingException e) {
      results.add(new ParseResult.Invalid(syntaxError(e, content, index, positions, context)));
    } catch (IOException e) {
      throw new UncheckedIOException("reading an in-memory string cannot fail", e);
    }
    return results;
  }

  /**
   * A syntax error; one at the very end of the document means the download stopped early, and then
   * the error says where the text ends and which entry it cut.
   */
  private static ParseError syntaxError(
      JsonProcessingException e,
      String content,
      int index,
      JsonPositions positions,
      ParseContext context) {
    String entry = index >= 0 ? label(index, positions) : null;
    JsonLocation at = e.getLocation();
    String text = content.stripTrailing();
    ParseError error;
    if (at == null || at.getCharOffset() >= text.length()) {
      int line = (int) text.chars().filter(c -> c == '\n').count() + 1;
      int column = text.length() - text.lastIndexOf('\n');
      error =
          context
              .recordError(
                  line,
                  "the document ends here"
                      + (entry != null ? ", inside the entry" : "")
                      + ": the download looks truncated")
              .at(line, column);
    } else {
      error = context.recordError(JsonRecords.lineOf(e, 1), JsonRecords.reason(e));
      if (at.getColumnNr() > 0) {
        error = error.at(at.getLineNr(), at.getColumnNr());
      }
    }
    return entry != null ? error.inEntry(entry) : error;
  }

  /** An entry that could not be read whole: its paper id as far as the document gives it. */
  private static String label(int index, JsonPositions positions) {
    return label(
        index,
        positions.find("/" + index + "/paper/id").map(JsonPositions.Found::text).orElse(null));
  }

  /**
   * {@code entry [3] (id 2401.04088)}: the index jq and JSON pointers use, and the paper id when
   * there is one.
   */
  private static String label(int index, String id) {
    return "entry [" + index + "]" + (id == null || id.isBlank() ? "" : " (id " + id + ")");
  }

  private static ParseResult entry(
      JsonNode entry, int index, int line, JsonPositions positions, ParseContext context) {
    PaperDraft draft =
        new PaperDraft(context, line, InputFormat.HF_JSON.cliName())
            .positions(positions)
            .entry(label(index, entry.path("paper").path("id").textValue()));
    JsonFields outer = new JsonFields(entry, "/" + index, draft);
    Optional<JsonFields> inner = outer.object("paper");
    if (inner.isEmpty()) {
      return draft
          .reject("paper", "missing: each entry needs a 'paper' object", "/" + index)
          .build();
    }
    JsonFields paper = inner.get();
    paper
        .text("id", "id")
        .ifPresent(
            rawId -> {
              String arxivId = PaperIds.arxivId(rawId).orElse(null);
              draft.arxivId(arxivId);
              if (arxivId != null) {
                draft.url(PAPER_PAGE + arxivId);
              }
            });
    paper.text("title", "title").or(() -> outer.text("title", "title")).ifPresent(draft::title);
    paper
        .text("summary", "abstract")
        .or(() -> outer.text("summary", "abstract"))
        .ifPresent(draft::abstractText);
    paper.strings("authors", "authors", "name").ifPresent(draft::authors);
    paper.integer("upvotes", "upvotes").ifPresent(draft::upvotes);
    (paper.has("publishedAt") ? paper : outer).publishedAt("publishedAt");
    details(paper, outer, draft);
    return draft.build();
  }

  /**
   * What the listing says beyond the paper's own metadata: when and by whom it was featured, links,
   * AI summary.
   */
  private static void details(JsonFields paper, JsonFields outer, PaperDraft draft) {
    PaperEvent.Builder event = draft.details();
    paper
        .instant("submittedOnDailyAt", "featuredAt")
        .or(() -> outer.instant("submittedOnDailyAt", "featuredAt"))
        .ifPresent(event::setFeaturedAt);
    outer.instant("publishedAt", "listedAt").ifPresent(event::setListedAt);
    outer
        .integer("numComments", "commentCount")
        .or(() -> paper.integer("numComments", "commentCount"))
        .ifPresent(event::setCommentCount);
    outer
        .name("submittedBy", "submittedBy", "name", "fullname")
        .or(() -> paper.name("submittedOnDailyBy", "submittedBy", "name", "user", "fullname"))
        .ifPresent(event::setSubmittedBy);
    outer
        .text("thumbnail", "thumbnailUrl")
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .ifPresent(event::setThumbnailUrl);
    paper
        .text("ai_summary", "aiSummary")
        .map(PaperText::collapseWhitespace)
        .filter(s -> !s.isEmpty())
        .ifPresent(event::setAiSummary);
    paper
        .strings("ai_keywords", "aiKeywords", null)
        .ifPresent(
            keywords ->
                event.setAiKeywords(
                    keywords.stream()
                        .map(PaperText::collapseWhitespace)
                        .filter(s -> !s.isEmpty())
                        .toList()));
    paper
        .text("githubRepo", "githubRepo")
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .ifPresent(event::setGithubRepo);
    paper.integer("githubStars", "githubStars").ifPresent(event::setGithubStars);
    paper
        .text("projectPage", "projectPage")
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .ifPresent(event::setProjectPage);
    paper
        .name("organization", "organization", "name", "fullname")
        .or(() -> outer.name("organization", "organization", "name", "fullname"))
        .ifPresent(event::setOrganization);
  }
}
