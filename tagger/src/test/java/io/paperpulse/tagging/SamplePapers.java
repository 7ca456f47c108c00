package io.paperpulse.tagging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The bundled Daily Papers page dump split into (title, abstract) pairs, for tests only. */
final class SamplePapers {
  record Paper(String title, String abstractText) {}

  private SamplePapers() {}

  /** A paper is the two paragraphs before a "• N authors" line: title, then abstract. */
  static List<Paper> load() throws IOException {
    String text;
    try (InputStream in = SamplePapers.class.getResourceAsStream("/daily-papers-sample.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String[] paragraphs = text.split("\\n\\s*\\n");
    List<Paper> papers = new ArrayList<>();
    for (int i = 2; i < paragraphs.length; i++) {
      if (paragraphs[i].strip().startsWith("\u2022")) {
        papers.add(
            new Paper(
                paragraphs[i - 2].strip(), paragraphs[i - 1].strip().replaceAll("\\s+", " ")));
      }
    }
    return papers;
  }
}
