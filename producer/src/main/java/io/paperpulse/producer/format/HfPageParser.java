package io.paperpulse.producer.format;

import io.paperpulse.producer.paper.PaperText;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a text dump of the Hugging Face Daily Papers page. After the page header, each card is a
 * title paragraph, an abstract paragraph and a metadata block:
 *
 * <pre>
 *   • 4 authors
 * ·
 * Jan 12, 2024 2
 * </pre>
 *
 * Two kinds of block on the page are not paper cards of this shape and become {@link
 * ParseResult.Skipped}: a card whose metadata names the submitting organisation instead of {@code •
 * N authors}, and title/abstract paragraphs whose metadata block is missing from the dump. A card
 * of the documented shape with a bad value (an impossible date, no date after the {@code ·}) is an
 * error.
 */
final class HfPageParser implements PaperParser {

  private static final Logger LOG = LoggerFactory.getLogger(HfPageParser.class);
  private static final String SEPARATOR = "\u00b7";
  private static final Pattern AUTHOR_COUNT =
      Pattern.compile("[\u2022*\\-]?\\s*(\\d+)\\s+authors?");

  /** Consecutive non-blank lines; {@code firstLine} is 1-based. */
  private record Paragraph(int firstLine, List<String> lines) {
    String joined() {
      return String.join(" ", lines);
    }

    boolean isMetadata() {
      return lines.stream().anyMatch(l -> l.trim().equals(SEPARATOR));
    }

    boolean isLoneDate() {
      return lines.size() == 1 && PageDate.looksLikeDateLine(lines.get(0));
    }
  }

  @Override
  public List<ParseResult> parse(String content, ParseContext context) {
    List<Paragraph> paragraphs = paragraphs(content);
    List<ParseResult> results = new ArrayList<>();
    int start = firstCardParagraph(paragraphs);
    boolean headerSkipped = start > 0;
    List<Paragraph> pending = new ArrayList<>();
    for (Paragraph p : paragraphs.subList(start, paragraphs.size())) {
      if (!p.isMetadata()) {
        pending.add(p);
        continue;
      }
      int cardStart = Math.max(0, pending.size() - 2);
      List<Paragraph> leftovers = pending.subList(0, cardStart);
      if (headerSkipped || !results.isEmpty()) {
        reportUndated(leftovers, results);
      } else if (!leftovers.isEmpty()) {
        LOG.debug(
            "{}: treating {} leading paragraphs as the page header",
            context.sourceName(),
            leftovers.size());
      }
      results.add(card(pending.subList(cardStart, pending.size()), p, context));
      pending.clear();
    }
    reportUndated(pending, results);
    return results;
  }

  /** Skips the page header, which ends with the page's own date line ("Dec 11"). */
  private static int firstCardParagraph(List<Paragraph> paragraphs) {
    for (int i = 0; i < paragraphs.size(); i++) {
      Paragraph p = paragraphs.get(i);
      if (p.isMetadata()) {
        return 0;
      }
      if (p.isLoneDate()) {
        return i + 1;
      }
    }
    return 0;
  }

  /**
   * Title and abstract paragraphs left without a metadata block. The page shows such fragments (the
   * dump lost the rest of the card), but they carry no date, so they are not papers.
   */
  private static void reportUndated(List<Paragraph> leftovers, List<ParseResult> results) {
    for (int i = 0; i < leftovers.size(); i += 2) {
      Paragraph title = leftovers.get(i);
      results.add(
          new ParseResult.Skipped(
              title.firstLine(),
              "card '"
                  + abbreviate(title.joined())
                  + "' has a title and abstract but no '\u2022 N authors \u00b7 date' block: not a paper card of this format"));
    }
  }

  private static ParseResult card(List<Paragraph> text, Paragraph metadata, ParseContext context) {
    int line = text.isEmpty() ? metadata.firstLine() : text.get(0).firstLine();
    PaperDraft draft = new PaperDraft(context, line, InputFormat.HF_PAGE.cliName());
    if (text.isEmpty()) {
      return draft.reject("title", "missing: metadata block without a title above it").build();
    }
    String title = text.get(0).joined();
    List<String> lines = metadata.lines();
    int separator = separatorIndex(lines);
    Optional<Integer> authorCount = authorCount(lines.subList(0, separator));
    if (authorCount.isEmpty()) {
      return new ParseResult.Skipped(line, notAPaperCard(title, lines.subList(0, separator)));
    }
    draft.title(title).authorCount(authorCount.get());
    if (text.size() > 1) {
      draft.abstractText(text.get(1).joined());
    }
    readDate(lines, separator, draft, context);
    return draft.build();
  }

  private static int separatorIndex(List<String> metadataLines) {
    int separator = 0;
    while (!metadataLines.get(separator).trim().equals(SEPARATOR)) {
      separator++;
    }
    return separator;
  }

  private static Optional<Integer> authorCount(List<String> linesBeforeSeparator) {
    for (String line : linesBeforeSeparator) {
      Matcher m = AUTHOR_COUNT.matcher(line.trim());
      if (m.matches()) {
        return Optional.of(Integer.parseInt(m.group(1)));
      }
    }
    return Optional.empty();
  }

  /**
   * Why a card without an authors line is left out: the page lists organisations' cards among
   * papers.
   */
  private static String notAPaperCard(String title, List<String> linesBeforeSeparator) {
    String card = "card '" + abbreviate(title) + "'";
    if (linesBeforeSeparator.isEmpty()) {
      return card + " has no '\u2022 N authors' line: not a paper card of this format";
    }
    String named = PaperText.collapseWhitespace(String.join(" ", linesBeforeSeparator));
    return card
        + " names an organisation ('"
        + abbreviate(named)
        + "') instead of '\u2022 N authors'"
        + ": not a paper card of this format";
  }

  private static void readDate(
      List<String> lines, int separator, PaperDraft draft, ParseContext context) {
    if (separator + 1 >= lines.size()) {
      draft.reject("publishedAt", "missing: no date line after '" + SEPARATOR + "'");
      return;
    }
    String dateLine = lines.get(separator + 1).trim();
    PageDate.parse(dateLine, context.asOf())
        .ifPresentOrElse(
            date ->
                draft
                    .publishedAt(date.date().atStartOfDay(ZoneOffset.UTC).toInstant())
                    .upvotes(date.upvotes()),
            () -> draft.reject("publishedAt", "not a date: '" + dateLine + "'"));
  }

  private static List<Paragraph> paragraphs(String content) {
    List<Paragraph> paragraphs = new ArrayList<>();
    String[] lines = content.split("\r?\n", -1);
    List<String> current = new ArrayList<>();
    int first = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = i == 0 ? lines[i].replace("\uFEFF", "") : lines[i];
      if (line.isBlank()) {
        if (!current.isEmpty()) {
          paragraphs.add(new Paragraph(first, List.copyOf(current)));
          current.clear();
        }
      } else {
        if (current.isEmpty()) {
          first = i + 1;
        }
        current.add(line);
      }
    }
    if (!current.isEmpty()) {
      paragraphs.add(new Paragraph(first, List.copyOf(current)));
    }
    return paragraphs;
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
