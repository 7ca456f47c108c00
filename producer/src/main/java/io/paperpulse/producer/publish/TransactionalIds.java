package io.paperpulse.producer.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Transactional ids that are the same each time the same inputs are produced to the same topic. A
 * restarted run then fences the run it replaces, and the broker aborts that run's open transaction
 * immediately instead of waiting for the transaction timeout. Two concurrent runs over the same
 * inputs fence each other, which is the point.
 */
public final class TransactionalIds {

  private TransactionalIds() {}

  /** {@code paperpulse-produce-<topic>-<8 hex digits of the input names' hash>}. */
  public static String forInputs(String topic, List<String> inputNames) {
    return "paperpulse-produce-" + topic + "-" + shortHash(String.join("\n", inputNames));
  }

  /** {@code paperpulse-follow-<topic>-<8 hex digits of the URL's hash>}. */
  public static String forFeed(String topic, String url) {
    return "paperpulse-follow-" + topic + "-" + shortHash(url);
  }

  private static String shortHash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
