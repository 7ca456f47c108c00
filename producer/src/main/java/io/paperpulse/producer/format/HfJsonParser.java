package io.paperpulse.producer.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpulse.producer.paper.PaperIds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Daily Papers API answer: a JSON array of entries, each with a {@code paper} object
 * holding {@code id} (the arXiv id), {@code title}, {@code summary}, {@code authors[].name},
 * {@code publishedAt} and {@code upvotes}. Streams the array so each entry keeps its line number.
 */
final class HfJsonParser implements PaperParser {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PAPER_PAGE = "https://huggingface.co/papers/";

    @Override
    public List<ParseResult> parse(String content, ParseContext context) {
        List<ParseResult> results = new ArrayList<>();
        try (JsonParser json = MAPPER.createParser(content)) {
            JsonToken first = json.nextToken();
            if (first != JsonToken.START_ARRAY) {
                int line = first == null ? 1 : json.currentTokenLocation().getLineNr();
                results.add(new ParseResult.Invalid(context.recordError(line,
                        "expected a JSON array of Daily Papers entries")));
                return results;
            }
            while (json.nextToken() == JsonToken.START_OBJECT) {
                int line = json.currentTokenLocation().getLineNr();
                JsonNode entry = json.readValueAsTree();
                results.add(entry(entry, line, context));
            }
            if (json.currentToken() != JsonToken.END_ARRAY) {
                results.add(new ParseResult.Invalid(context.recordError(
                        json.currentTokenLocation().getLineNr(), "expected an entry object, found " + json.currentToken())));
            }
        } catch (JsonProcessingException e) {
            results.add(new ParseResult.Invalid(context.recordError(JsonRecords.lineOf(e, 1), JsonRecords.reason(e))));
        } catch (IOException e) {
            throw new UncheckedIOException("reading an in-memory string cannot fail", e);
        }
        return results;
    }

    private static ParseResult entry(JsonNode entry, int line, ParseContext context) {
        PaperDraft draft = new PaperDraft(context, line, InputFormat.HF_JSON.cliName());
        JsonNode paper = entry.get("paper");
        if (paper == null || !paper.isObject()) {
            return draft.reject("paper", "missing: each entry needs a 'paper' object").build();
        }
        JsonFields fields = new JsonFields(paper, draft);
        JsonFields outer = new JsonFields(entry, draft);
        fields.text("id", "id").ifPresent(rawId -> {
            String arxivId = PaperIds.arxivId(rawId).orElse(null);
            draft.arxivId(arxivId);
            if (arxivId != null) {
                draft.url(PAPER_PAGE + arxivId);
            }
        });
        fields.text("title", "title").or(() -> outer.text("title", "title")).ifPresent(draft::title);
        fields.text("summary", "abstract").or(() -> outer.text("summary", "abstract")).ifPresent(draft::abstractText);
        fields.strings("authors", "authors", "name").ifPresent(draft::authors);
        fields.integer("upvotes", "upvotes").ifPresent(draft::upvotes);
        if (paper.hasNonNull("publishedAt")) {
            fields.publishedAt("publishedAt");
        } else {
            outer.publishedAt("publishedAt");
        }
        return draft.build();
    }
}
