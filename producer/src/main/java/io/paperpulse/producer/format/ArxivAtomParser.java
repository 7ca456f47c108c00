package io.paperpulse.producer.format;

import io.paperpulse.producer.paper.PaperIds;
import io.paperpulse.producer.paper.PaperText;
import io.paperpulse.schema.AuthorAffiliation;
import io.paperpulse.schema.PaperEvent;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an arXiv API Atom feed with the JDK's StAX parser. DTDs and external entities are disabled,
 * so a hostile feed cannot make the parser read local files or the network.
 */
final class ArxivAtomParser implements PaperParser {

  private static final String ABS_PAGE = "https://arxiv.org/abs/";

  @Override
  public List<ParseResult> parse(String content, ParseContext context) {
    List<ParseResult> results = new ArrayList<>();
    XMLStreamReader xml = null;
    try {
      xml = secureFactory().createXMLStreamReader(new StringReader(content));
      boolean rootSeen = false;
      int entries = 0;
      while (xml.hasNext()) {
        if (xml.next() != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        if (!rootSeen) {
          rootSeen = true;
          if (!xml.getLocalName().equals("feed")) {
            results.add(
                new ParseResult.Invalid(
                    context.recordError(
                        xml.getLocation().getLineNumber(),
                        "expected an Atom <feed>, found <" + xml.getLocalName() + ">")));
            return results;
          }
        } else if (xml.getLocalName().equals("entry")) {
          results.add(entry(xml, entries++, context));
        }
      }
    } catch (XMLStreamException e) {
      int line = e.getLocation() != null ? Math.max(1, e.getLocation().getLineNumber()) : 1;
      results.add(
          new ParseResult.Invalid(
              context.recordError(line, "not well-formed XML: " + firstLine(e.getMessage()))));
    } finally {
      closeQuietly(xml);
    }
    return results;
  }

  /** Reads one {@code <entry>}; the reader is left on its end tag. */
  private static ParseResult entry(XMLStreamReader xml, int index, ParseContext context)
      throws XMLStreamException {
    int line = xml.getLocation().getLineNumber();
    PaperDraft draft = new PaperDraft(context, line, InputFormat.ARXIV_ATOM.cliName());
    PaperEvent.Builder details = draft.details();
    String rawId = null;
    String summary = "";
    Dated published = null;
    Dated updated = null;
    List<String> authors = new ArrayList<>();
    List<AuthorAffiliation> affiliations = new ArrayList<>();
    List<String> categories = new ArrayList<>();
    String alternate = null;
    int depth = 1;
    while (depth > 0) {
      int event = xml.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
        continue;
      }
      if (event != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      switch (xml.getLocalName()) {
        case "id" -> rawId = xml.getElementText();
        case "title" -> draft.title(xml.getElementText());
        case "summary" -> summary = xml.getElementText();
        case "published" -> published = Dated.read(xml);
        case "updated" -> updated = Dated.read(xml);
        case "name" -> authors.add(PaperText.collapseWhitespace(xml.getElementText()));
        case "affiliation" ->
            affiliation(affiliations, authors, PaperText.collapseWhitespace(xml.getElementText()));
        case "comment" -> details.setComment(nonBlank(xml.getElementText()));
        case "journal_ref" -> details.setJournalRef(nonBlank(xml.getElementText()));
        case "doi" -> details.setDoi(nonBlank(xml.getElementText()));
        case "primary_category" -> {
          details.setPrimaryCategory(nonBlank(xml.getAttributeValue(null, "term")));
          depth++;
        }
        case "category" -> {
          String term = xml.getAttributeValue(null, "term");
          if (term != null && !term.isBlank() && !categories.contains(term.trim())) {
            categories.add(term.trim());
          }
          depth++;
        }
        case "link" -> {
          String rel = xml.getAttributeValue(null, "rel");
          if (alternate == null && (rel == null || rel.equals("alternate"))) {
            alternate = xml.getAttributeValue(null, "href");
          }
          depth++;
        }
        default -> depth++;
      }
    }
    String arxivId = PaperIds.arxivId(rawId).orElse(null);
    draft.entry(
        "entry ["
            + index
            + "]"
            + (rawId == null ? "" : " (id " + (arxivId != null ? arxivId : rawId.trim()) + ")"));
    if (rawId != null && rawId.contains("arxiv.org/api/errors")) {
      return new ParseResult.Invalid(
          context.recordError(
              line,
              "the arXiv API answered with an error: " + PaperText.collapseWhitespace(summary)));
    }
    draft
        .arxivId(arxivId)
        .abstractText(summary)
        .authors(authors)
        .categories(categories)
        .url(alternate != null ? alternate : arxivId != null ? ABS_PAGE + arxivId : null);
    details.setAuthorAffiliations(affiliations);
    if (published != null) {
      published.instant(draft, "publishedAt").ifPresent(draft::publishedAt);
    }
    if (updated != null) {
      updated.instant(draft, "updatedAt").ifPresent(details::setUpdatedAt);
    }
    return draft.build();
  }

  /** The text of a date element and where it is, parsed only once the entry is known. */
  private record Dated(String text, int line, int column) {
    static Dated read(XMLStreamReader xml) throws XMLStreamException {
      Location at = xml.getLocation();
      return new Dated(xml.getElementText(), at.getLineNumber(), at.getColumnNumber());
    }

    Optional<Instant> instant(PaperDraft draft, String field) {
      Optional<Instant> parsed = PublishedAt.parse(text);
      if (parsed.isEmpty()) {
        draft.reject(field, "not a date: '" + text + "'", line, column);
      }
      return parsed;
    }
  }

  /** An affiliation belongs to the author named just before it in the same {@code <author>}. */
  private static void affiliation(
      List<AuthorAffiliation> affiliations, List<String> authors, String affiliation) {
    if (authors.isEmpty() || affiliation.isEmpty()) {
      return;
    }
    String author = authors.get(authors.size() - 1);
    AuthorAffiliation last =
        affiliations.isEmpty() ? null : affiliations.get(affiliations.size() - 1);
    if (last != null && last.getAuthor().equals(author)) {
      List<String> more = new ArrayList<>(last.getAffiliations());
      more.add(affiliation);
      last.setAffiliations(more);
    } else {
      affiliations.add(new AuthorAffiliation(author, List.of(affiliation)));
    }
  }

  private static String nonBlank(String text) {
    String collapsed = PaperText.collapseWhitespace(text);
    return collapsed.isEmpty() ? null : collapsed;
  }

  private static XMLInputFactory secureFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    return factory;
  }

  private static void closeQuietly(XMLStreamReader xml) {
    if (xml != null) {
      try {
        xml.close();
      } catch (XMLStreamException ignored) {
        // closing an in-memory reader releases nothing that matters
      }
    }
  }

  private static String firstLine(String message) {
    String text = message == null ? "" : message;
    // The JDK prefixes "ParseError at [row,col]:[r,c]\nMessage: ..."; keep only the message.
    int at = text.indexOf("Message: ");
    return (at >= 0 ? text.substring(at + 9) : text).lines().findFirst().orElse("").trim();
  }
}
