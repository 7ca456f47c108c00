package io.paperpulse.tagging.keyphrase;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Document frequencies held in memory, loaded from the shipped resource or counted from documents.
 *
 * <p>Resource format: a first line {@code @documents N}, then {@code stem<TAB>count} lines.
 */
public final class DocumentFrequencyTable implements DocumentFrequencies {
  static final String DEFAULT_RESOURCE = "/io/paperpulse/tagging/document-frequencies.tsv";

  private final int documents;
  private final Map<String, Integer> counts;

  public DocumentFrequencyTable(int documents, Map<String, Integer> counts) {
    this.documents = documents;
    this.counts = Map.copyOf(counts);
  }

  /** The table shipped with paperpulse (see docs/tagging.md for its source). */
  public static DocumentFrequencyTable loadDefault() {
    InputStream in = DocumentFrequencyTable.class.getResourceAsStream(DEFAULT_RESOURCE);
    if (in == null) {
      throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
    }
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String header = reader.readLine();
      if (header == null || !header.startsWith("@documents ")) {
        throw new IllegalStateException(DEFAULT_RESOURCE + ": first line must be '@documents N'");
      }
      int documents = Integer.parseInt(header.substring("@documents ".length()).strip());
      Map<String, Integer> counts = new HashMap<>();
      String line;
      while ((line = reader.readLine()) != null) {
        int tab = line.indexOf('\t');
        if (tab > 0) {
          counts.put(line.substring(0, tab), Integer.parseInt(line.substring(tab + 1).strip()));
        }
      }
      return new DocumentFrequencyTable(documents, counts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Counts each stem once per document. */
  public static DocumentFrequencyTable count(
      Collection<? extends Collection<String>> stemsPerDocument) {
    Map<String, Integer> counts = new HashMap<>();
    for (Collection<String> document : stemsPerDocument) {
      for (String stem : document) {
        counts.merge(stem, 1, Integer::sum);
      }
    }
    return new DocumentFrequencyTable(stemsPerDocument.size(), counts);
  }

  /**
   * Writes the resource format, sorted by stem, keeping stems seen in at least {@code minCount}
   * documents.
   */
  public void write(Writer out, int minCount) throws IOException {
    out.write("@documents " + documents + "\n");
    for (Map.Entry<String, Integer> e : new TreeMap<>(counts).entrySet()) {
      if (e.getValue() >= minCount) {
        out.write(e.getKey() + "\t" + e.getValue() + "\n");
      }
    }
  }

  @Override
  public int documentCount() {
    return documents;
  }

  @Override
  public int frequency(String stem) {
    return counts.getOrDefault(stem, 0);
  }
}
