package io.paperpulse.bench.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The 48 papers of the bundled Daily Papers page dump (the same text the producer ships as its demo
 * input), read once when a benchmark is set up.
 */
public final class SampleCorpus {
  private static final String RESOURCE = "/daily-papers-sample.txt";

  private SampleCorpus() {}

  /** On the page a card is a title paragraph, an abstract paragraph, then a "• N authors" line. */
  public static List<Paper> papers() {
    String[] paragraphs = read().split("\\n\\s*\\n");
    List<Paper> papers = new ArrayList<>();
    for (int i = 2; i < paragraphs.length; i++) {
      if (paragraphs[i].strip().startsWith("\u2022")) {
        papers.add(new Paper(singleLine(paragraphs[i - 2]), singleLine(paragraphs[i - 1])));
      }
    }
    if (papers.isEmpty()) {
      throw new IllegalStateException(RESOURCE + " holds no paper cards");
    }
    return List.copyOf(papers);
  }

  private static String singleLine(String paragraph) {
    return String.join(" ", paragraph.strip().split("\\s+"));
  }

  private static String read() {
    try (InputStream in = SampleCorpus.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
