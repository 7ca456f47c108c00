package io.paperpulse.tagging;

import io.paperpulse.schema.Tag;
import java.util.List;

/**
 * Assigns tags to a paper from its title and abstract.
 *
 * <p>Implementations are pure and thread-safe: the same text always yields the same tags, which is
 * what lets the streams topology recompute a paper's tags on every new version and retract the old
 * ones exactly.
 */
public interface Tagger {

  /**
   * Tags for one paper: TOPIC tags first, then KEYPHRASE tags, each group by descending score.
   * Never null; empty when nothing matched.
   */
  List<Tag> tag(String title, String abstractText);

  /** Identifies the taxonomy and extractor settings, recorded on every tagged paper. */
  String version();
}
