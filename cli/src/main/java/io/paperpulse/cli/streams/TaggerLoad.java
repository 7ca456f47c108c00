package io.paperpulse.cli.streams;

import io.paperpulse.tagging.Tagger;
import java.util.List;

/** The tagger a command runs with, or why the user's taxonomy file cannot be used. */
public sealed interface TaggerLoad {

  /** A usable tagger. */
  record Ready(Tagger tagger) implements TaggerLoad {}

  /**
   * The taxonomy file is missing or invalid; each problem names the file (and line when there is
   * one).
   */
  record Rejected(List<String> problems) implements TaggerLoad {
    public Rejected {
      problems = List.copyOf(problems);
    }
  }
}
