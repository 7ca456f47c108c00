package io.paperpulse.tagging.topic;

import java.util.List;

/**
 * Outcome of reading a taxonomy file: the taxonomy when the file was valid, otherwise the problems
 * found, each naming the file and line.
 */
public record TaxonomyParseResult(Taxonomy taxonomy, List<String> problems) {
  public TaxonomyParseResult {
    problems = List.copyOf(problems);
  }

  public boolean isValid() {
    return problems.isEmpty();
  }

  /** The taxonomy, or an IllegalArgumentException listing every problem. */
  public Taxonomy orElseThrow() {
    if (!isValid()) {
      throw new IllegalArgumentException("invalid taxonomy: " + String.join("; ", problems));
    }
    return taxonomy;
  }
}
