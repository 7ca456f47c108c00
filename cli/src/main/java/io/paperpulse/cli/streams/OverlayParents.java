package io.paperpulse.cli.streams;

import io.paperpulse.tagging.topic.Taxonomy;
import io.paperpulse.tagging.topic.TaxonomyEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks that every parent named in a taxonomy file that extends the shipped taxonomy exists in one
 * of the two. The file parser cannot know the shipped topics and the merged taxonomy reports a bad
 * parent without a line, so this check finds the line of the offending topic to give users a {@code
 * file:line} to fix.
 */
final class OverlayParents {

  private OverlayParents() {}

  /** One problem per topic with an unknown parent, naming file and line. */
  static List<String> unknownParents(Path file, Taxonomy base, Taxonomy overlay)
      throws IOException {
    Set<String> known = new HashSet<>();
    base.entries().forEach(entry -> known.add(entry.name()));
    overlay.entries().forEach(entry -> known.add(entry.name()));
    List<String> lines = Files.readAllLines(file);
    List<String> problems = new ArrayList<>();
    for (TaxonomyEntry entry : overlay.entries()) {
      if (entry.parent() != null && !entry.parent().isBlank() && !known.contains(entry.parent())) {
        problems.add(
            file
                + ":"
                + lineOf(entry.name(), lines)
                + ": topic '"
                + entry.name()
                + "': unknown parent '"
                + entry.parent()
                + "' (neither in the file nor in the shipped taxonomy)");
      }
    }
    return problems;
  }

  /**
   * 1-based line whose name column is the topic; names are lower-cased on load, so compare that
   * way.
   */
  private static int lineOf(String name, List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("#") || line.startsWith("@")) {
        continue;
      }
      String firstColumn = line.split("\t", -1)[0].strip().toLowerCase(Locale.ROOT);
      if (firstColumn.equals(name)) {
        return i + 1;
      }
    }
    return 0;
  }
}
