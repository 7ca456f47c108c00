package io.paperpulse.tagging.eval;

import java.util.List;
import java.util.Locale;

/**
 * Precision, recall and F1 at 5 and 10 of the keyphrase extractor, for one or more document sets.
 */
public record EvalReport(String dataset, String protocol, List<Row> rows) {
  public EvalReport {
    rows = List.copyOf(rows);
  }

  /**
   * Scores on one set of documents. Precision and recall are averaged over documents; F1 is the
   * harmonic mean of the averaged precision and recall.
   */
  public record Row(
      String documentSet,
      String documentFrequencies,
      int documents,
      double precisionAt5,
      double recallAt5,
      double f1At5,
      double precisionAt10,
      double recallAt10,
      double f1At10) {}

  public Row row(String documentSet) {
    return rows.stream()
        .filter(r -> r.documentSet().equals(documentSet))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no row " + documentSet));
  }

  /** A plain-text table for terminals and logs. */
  public String format() {
    StringBuilder out = new StringBuilder();
    out.append("Keyphrase extraction on ").append(dataset).append('\n');
    out.append(protocol).append('\n');
    out.append(
        String.format(
            Locale.ROOT,
            "%-28s %-30s %5s %6s %6s %6s %6s %6s %6s%n",
            "documents",
            "document frequencies",
            "n",
            "P@5",
            "R@5",
            "F1@5",
            "P@10",
            "R@10",
            "F1@10"));
    for (Row r : rows) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-28s %-30s %5d %6.3f %6.3f %6.3f %6.3f %6.3f %6.3f%n",
              r.documentSet(),
              r.documentFrequencies(),
              r.documents(),
              r.precisionAt5(),
              r.recallAt5(),
              r.f1At5(),
              r.precisionAt10(),
              r.recallAt10(),
              r.f1At10()));
    }
    return out.toString();
  }
}
