package io.paperpulse.producer.paper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic paper ids (DESIGN section 3): the arXiv id without its version suffix when the
 * source has one, otherwise {@code t:} followed by the first 16 hex digits of the SHA-256 of the
 * title's identity key. Re-reading the same input therefore yields the same keys.
 */
public final class PaperIds {

  /** Prefix of ids derived from a title hash; never collides with an arXiv id. */
  public static final String TITLE_HASH_PREFIX = "t:";

  // New-style ids (2007+): 0704.0001 .. 2401.01234; old-style: hep-th/9901001, math.GT/0309136.
  private static final Pattern ARXIV_ID =
      Pattern.compile(
          "(?:^|/|arxiv:)(\\d{4}\\.\\d{4,5}|[a-z][a-z\\-]*(?:\\.[A-Z]{2})?/\\d{7})(v\\d+)?/?$",
          Pattern.CASE_INSENSITIVE);

  private PaperIds() {}

  /**
   * Extracts the arXiv id from a bare id ({@code 2401.01234v2}), a prefixed one ({@code
   * arXiv:2401.01234}) or an abs/pdf URL, without the version suffix.
   */
  public static Optional<String> arxivId(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String trimmed = text.trim();
    if (trimmed.endsWith(".pdf")) {
      trimmed = trimmed.substring(0, trimmed.length() - 4);
    }
    Matcher m = ARXIV_ID.matcher(trimmed);
    if (!m.find()) {
      return Optional.empty();
    }
    return Optional.of(m.group(1));
  }

  /** The id of a paper known only by its title. */
  public static String fromTitle(String title) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(PaperText.identityKey(title).getBytes(StandardCharsets.UTF_8));
      return TITLE_HASH_PREFIX + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** The arXiv id when there is one, otherwise the title hash. */
  public static String of(String arxivIdOrNull, String title) {
    return arxivIdOrNull != null ? arxivIdOrNull : fromTitle(title);
  }
}
