package io.paperpulse.producer.format;

import io.paperpulse.producer.paper.PaperIds;
import io.paperpulse.producer.paper.PaperText;
import io.paperpulse.schema.PaperEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the fields of one paper as a parser reads them and turns them into a validated {@link
 * PaperEvent}, or into the first error met. All formats share it, so validation rules and id
 * derivation are the same everywhere.
 */
final class PaperDraft {

  private final ParseContext context;
  private final int line;
  private String source;
  private ParseError error;
  private String errorPointer;
  private String entry;
  private JsonPositions positions;

  /** Source details passed through as read: they need no validation beyond their JSON type. */
  private final PaperEvent.Builder details = PaperEvent.newBuilder();

  private String explicitId;
  private String title;
  private String abstractText = "";
  private List<String> authors = List.of();
  private Integer authorCount;
  private Instant publishedAt;
  private int upvotes;
  private String url;
  private String arxivId;
  private List<String> categories = List.of();

  PaperDraft(ParseContext context, int line, String source) {
    this.context = context;
    this.line = line;
    this.source = source;
  }

  /** Records a problem with one field; only the first problem of a record is reported. */
  PaperDraft reject(String field, String message) {
    return reject(field, message, null);
  }

  /** Records a problem with the field whose value is at {@code pointer} in a JSON document. */
  PaperDraft reject(String field, String message, String pointer) {
    if (error == null) {
      error = context.fieldError(line, field, message);
      errorPointer = pointer;
    }
    return this;
  }

  /** Records a problem with a field whose value is at a known line and column. */
  PaperDraft reject(String field, String message, int valueLine, int valueColumn) {
    if (error == null) {
      error = context.fieldError(line, field, message).at(valueLine, valueColumn);
    }
    return this;
  }

  /**
   * Names the entry of a document holding many papers ({@code entry [3] (id 2401.04088)}), for
   * inputs where a line does not tell which paper is meant.
   */
  PaperDraft entry(String label) {
    this.entry = label;
    return this;
  }

  /**
   * The JSON document the draft is read from, so that an error can give its value's line and
   * column.
   */
  PaperDraft positions(JsonPositions document) {
    this.positions = document;
    return this;
  }

  /**
   * Source details (comment, DOI, GitHub link, ...) that go on the event as the parser sets them.
   */
  PaperEvent.Builder details() {
    return details;
  }

  boolean rejected() {
    return error != null;
  }

  /** Overrides the input format name, for records that say where they originally came from. */
  PaperDraft source(String source) {
    this.source = source;
    return this;
  }

  PaperDraft id(String id) {
    this.explicitId = id;
    return this;
  }

  PaperDraft title(String title) {
    this.title = PaperText.collapseWhitespace(title);
    return this;
  }

  PaperDraft abstractText(String text) {
    this.abstractText = PaperText.collapseWhitespace(text);
    return this;
  }

  PaperDraft authors(List<String> names) {
    List<String> cleaned = new ArrayList<>();
    for (String name : names) {
      String n = PaperText.collapseWhitespace(name);
      if (!n.isEmpty()) {
        cleaned.add(n);
      }
    }
    this.authors = List.copyOf(cleaned);
    return this;
  }

  PaperDraft authorCount(int count) {
    this.authorCount = count;
    return this;
  }

  PaperDraft publishedAt(Instant instant) {
    this.publishedAt = instant;
    return this;
  }

  /** Parses the date with {@link PublishedAt}, rejecting the field when it is not a date. */
  PaperDraft publishedAt(String text) {
    if (text == null || text.isBlank()) {
      return reject("publishedAt", "missing");
    }
    return PublishedAt.parse(text)
        .map(this::publishedAt)
        .orElseGet(() -> reject("publishedAt", "not a date: '" + text + "'"));
  }

  PaperDraft upvotes(int upvotes) {
    this.upvotes = upvotes;
    return this;
  }

  PaperDraft url(String url) {
    this.url = url == null || url.isBlank() ? null : url.trim();
    return this;
  }

  PaperDraft arxivId(String arxivId) {
    this.arxivId = arxivId;
    return this;
  }

  PaperDraft categories(List<String> categories) {
    this.categories = List.copyOf(categories);
    return this;
  }

  ParseResult build() {
    if (error == null) {
      validate();
    }
    if (error != null) {
      return new ParseResult.Invalid(located(error));
    }
    String id = explicitId != null ? explicitId : PaperIds.of(arxivId, title);
    PaperEvent event =
        details
            .setId(id)
            .setTitle(title)
            .setAbstract$(abstractText)
            .setAuthors(authors)
            .setAuthorCount(authorCount != null ? authorCount : authors.size())
            .setPublishedAt(publishedAt)
            .setUpvotes(upvotes)
            .setSource(source)
            .setUrl(url)
            .setArxivId(arxivId)
            .setCategories(categories)
            .setIngestedAt(context.ingestedAt())
            .build();
    return new ParseResult.Paper(line, event);
  }

  private ParseError located(ParseError found) {
    ParseError result = found;
    if (positions != null && errorPointer != null) {
      result =
          positions.find(errorPointer).map(at -> found.at(at.line(), at.column())).orElse(found);
    }
    return entry != null ? result.inEntry(entry) : result;
  }

  private void validate() {
    if (explicitId != null && explicitId.isBlank()) {
      reject("id", "empty");
    } else if (title == null || title.isEmpty()) {
      reject("title", title == null ? "missing" : "empty");
    } else if (publishedAt == null) {
      reject("publishedAt", "missing");
    } else if (upvotes < 0) {
      reject("upvotes", "negative: " + upvotes);
    } else if (authorCount != null && authorCount < 0) {
      reject("authorCount", "negative: " + authorCount);
    } else if (authorCount != null && !authors.isEmpty() && authorCount != authors.size()) {
      reject("authorCount", authorCount + " but " + authors.size() + " author names are listed");
    }
  }
}
