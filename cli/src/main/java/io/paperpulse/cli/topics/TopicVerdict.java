package io.paperpulse.cli.topics;

import java.util.List;

/**
 * The comparison of one topic on the cluster with its {@link ExpectedTopic}: missing, or present
 * with zero or more mismatches, each a readable sentence naming the setting, the actual and the
 * expected value.
 */
public record TopicVerdict(ExpectedTopic expected, boolean exists, List<String> mismatches) {

  public TopicVerdict {
    mismatches = List.copyOf(mismatches);
  }

  static TopicVerdict missing(ExpectedTopic expected) {
    return new TopicVerdict(expected, false, List.of());
  }

  static TopicVerdict found(ExpectedTopic expected, List<String> mismatches) {
    return new TopicVerdict(expected, true, mismatches);
  }

  public boolean ok() {
    return exists && mismatches.isEmpty();
  }

  /** "ok", "missing" or the mismatches joined. */
  public String summary() {
    if (!exists) {
      return "missing (expected " + expected.settings() + ")";
    }
    return mismatches.isEmpty() ? "ok" : String.join("; ", mismatches);
  }
}
