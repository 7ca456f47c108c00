package io.paperpulse.producer.feed;

import io.paperpulse.producer.format.ParseResult;
import io.paperpulse.schema.PaperEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Remembers a content hash per paper id so that a follower only re-sends papers that are new or
 * changed. {@code ingestedAt} differs on every fetch and is left out of the hash.
 */
final class ChangeTracker {

  private final Map<String, String> hashById = new HashMap<>();

  /** The papers whose content differs from what was last remembered for their id. */
  List<ParseResult.Paper> changed(List<ParseResult.Paper> papers) {
    return papers.stream()
        .filter(p -> !contentHash(p.event()).equals(hashById.get(p.id())))
        .toList();
  }

  /** Records papers as sent; call after their transaction committed. */
  void remember(List<ParseResult.Paper> papers) {
    papers.forEach(p -> hashById.put(p.id(), contentHash(p.event())));
  }

  int size() {
    return hashById.size();
  }

  static String contentHash(PaperEvent paper) {
    PaperEvent withoutIngestTime =
        PaperEvent.newBuilder(paper).setIngestedAt(Instant.EPOCH).build();
    try {
      ByteBuffer encoded = PaperEvent.getEncoder().encode(withoutIngestTime);
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(encoded);
      return HexFormat.of().formatHex(sha.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("encoding a PaperEvent in memory cannot fail", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
