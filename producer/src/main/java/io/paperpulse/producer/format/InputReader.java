package io.paperpulse.producer.format;

import java.util.List;
import java.util.Optional;

/** Entry point for parsing: resolves {@code auto} and runs the matching parser. */
public final class InputReader {

  private InputReader() {}

  /**
   * Parses the whole text of one input. When {@code format} is AUTO and the format cannot be told
   * from content or name, the result is a single error and the format reported is AUTO.
   */
  public static ParsedInput read(String content, InputFormat format, ParseContext context) {
    Optional<InputFormat> concrete =
        format == InputFormat.AUTO
            ? FormatDetector.detect(context.sourceName(), content)
            : Optional.of(format);
    if (concrete.isEmpty()) {
      return new ParsedInput(
          context.sourceName(),
          InputFormat.AUTO,
          List.of(
              new ParseResult.Invalid(
                  context.recordError(
                      1, "cannot tell the input format from its content or name; pass --format"))));
    }
    return new ParsedInput(
        context.sourceName(), concrete.get(), concrete.get().newParser().parse(content, context));
  }
}
