package io.paperpulse.producer.format;

import java.util.List;

/**
 * Turns the whole text of one input into records, in input order. Never throws for bad input: every
 * problem becomes a {@link ParseResult.Invalid} naming input, line and field.
 */
public interface PaperParser {

  List<ParseResult> parse(String content, ParseContext context);
}
