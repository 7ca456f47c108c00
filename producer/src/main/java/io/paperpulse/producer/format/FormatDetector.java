package io.paperpulse.producer.format;

import java.util.Locale;
import java.util.Optional;

/**
 * Resolves {@code --format auto}: by content first, because feeds and stdin have no meaningful
 * name, then by file extension.
 */
public final class FormatDetector {

  private FormatDetector() {}

  public static Optional<InputFormat> detect(String sourceName, String content) {
    return byContent(content).or(() -> byExtension(sourceName));
  }

  static Optional<InputFormat> byContent(String content) {
    String head = stripLeadingNoise(content);
    if (head.startsWith("<")) {
      return head.contains("<feed") || head.contains(":feed")
          ? Optional.of(InputFormat.ARXIV_ATOM)
          : Optional.empty();
    }
    if (head.startsWith("[")) {
      return Optional.of(InputFormat.HF_JSON);
    }
    if (head.startsWith("{")) {
      return Optional.of(InputFormat.JSONL);
    }
    // A page dump has the middle-dot separator line between a card's authors and its date.
    if (content.contains("\n\u00b7\n") || content.contains("\n\u00b7\r\n")) {
      return Optional.of(InputFormat.HF_PAGE);
    }
    return Optional.empty();
  }

  static Optional<InputFormat> byExtension(String sourceName) {
    String name = sourceName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".xml") || name.endsWith(".atom")) {
      return Optional.of(InputFormat.ARXIV_ATOM);
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return Optional.of(InputFormat.JSONL);
    }
    if (name.endsWith(".json")) {
      return Optional.of(InputFormat.HF_JSON);
    }
    if (name.endsWith(".txt")) {
      return Optional.of(InputFormat.HF_PAGE);
    }
    return Optional.empty();
  }

  private static String stripLeadingNoise(String content) {
    int i = 0;
    while (i < content.length()
        && (Character.isWhitespace(content.charAt(i)) || content.charAt(i) == '\uFEFF')) {
      i++;
    }
    return content.substring(i, Math.min(content.length(), i + 4096));
  }
}
