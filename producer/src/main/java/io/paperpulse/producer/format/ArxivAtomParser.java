package io.paperpulse.producer.format;

import io.paperpulse.producer.paper.PaperIds;
import io.paperpulse.producer.paper.PaperText;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an arXiv API Atom feed with the JDK's StAX parser. DTDs and external entities are
 * disabled, so a hostile feed cannot make the parser read local files or the network.
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
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (!rootSeen) {
                    rootSeen = true;
                    if (!xml.getLocalName().equals("feed")) {
                        results.add(new ParseResult.Invalid(context.recordError(xml.getLocation().getLineNumber(),
                                "expected an Atom <feed>, found <" + xml.getLocalName() + ">")));
                        return results;
                    }
                } else if (xml.getLocalName().equals("entry")) {
                    results.add(entry(xml, context));
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() != null ? Math.max(1, e.getLocation().getLineNumber()) : 1;
            results.add(new ParseResult.Invalid(context.recordError(line, "not well-formed XML: " + firstLine(e.getMessage()))));
        } finally {
            closeQuietly(xml);
        }
        return results;
    }

    /** Reads one {@code <entry>}; the reader is left on its end tag. */
    private static ParseResult entry(XMLStreamReader xml, ParseContext context) throws XMLStreamException {
        int line = xml.getLocation().getLineNumber();
        PaperDraft draft = new PaperDraft(context, line, InputFormat.ARXIV_ATOM.cliName());
        String rawId = null;
        String summary = "";
        String published = null;
        List<String> authors = new ArrayList<>();
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
                case "published" -> published = xml.getElementText();
                case "name" -> authors.add(xml.getElementText());
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
        if (rawId != null && rawId.contains("arxiv.org/api/errors")) {
            return new ParseResult.Invalid(context.recordError(line, "the arXiv API answered with an error: "
                    + PaperText.collapseWhitespace(summary)));
        }
        String arxivId = PaperIds.arxivId(rawId).orElse(null);
        draft.arxivId(arxivId)
                .abstractText(summary)
                .authors(authors)
                .categories(categories)
                .url(alternate != null ? alternate : arxivId != null ? ABS_PAGE + arxivId : null);
        if (published != null) {
            draft.publishedAt(published);
        }
        return draft.build();
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
