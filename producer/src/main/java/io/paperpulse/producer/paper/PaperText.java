package io.paperpulse.producer.paper;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text clean-up shared by every input format, so the same paper reads the same from any source. */
public final class PaperText {

  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
  private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

  private PaperText() {}

  /**
   * Collapses every run of whitespace (line breaks included) to one space and trims; null becomes
   * "".
   */
  public static String collapseWhitespace(String text) {
    if (text == null) {
      return "";
    }
    return WHITESPACE.matcher(text).replaceAll(" ").trim();
  }

  /**
   * The form of a title used for identity: Unicode-compatibility normalized, lower case, with
   * punctuation and whitespace collapsed to single spaces. Two listings of the same paper that
   * differ only in line wrapping, case or punctuation get the same key.
   */
  public static String identityKey(String title) {
    String folded =
        Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKC)
            .toLowerCase(Locale.ROOT);
    return NOT_LETTER_OR_DIGIT.matcher(folded).replaceAll(" ").trim();
  }
}
