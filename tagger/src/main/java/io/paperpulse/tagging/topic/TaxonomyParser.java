package io.paperpulse.tagging.topic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the taxonomy file format: UTF-8 text, one topic per line, four tab-separated columns
 *
 * <pre>
 * name &lt;TAB&gt; aliases &lt;TAB&gt; acronyms &lt;TAB&gt; parent
 * </pre>
 *
 * where aliases and acronyms are '|'-separated lists and may be empty, trailing empty columns may
 * be left out, '#' starts a comment line, and an optional line {@code @version NAME} names the
 * taxonomy. Parents must be defined in the same file or, for an overlay, in the taxonomy it extends
 * (checked by {@link io.paperpulse.tagging.PaperTagger}).
 */
public final class TaxonomyParser {
  private TaxonomyParser() {}

  public static TaxonomyParseResult parse(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String fallbackVersion = "user-" + file.getFileName();
      return parse(reader, file.toString(), fallbackVersion);
    }
  }

  public static TaxonomyParseResult parse(Reader source, String sourceName, String fallbackVersion)
      throws IOException {
    BufferedReader reader = new BufferedReader(source);
    List<TaxonomyEntry> entries = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Map<String, Integer> lineOfName = new HashMap<>();
    String version = fallbackVersion;
    String line;
    int lineNumber = 0;
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      if (trimmed.startsWith("@version")) {
        version = trimmed.substring("@version".length()).strip();
        continue;
      }
      String[] columns = line.split("\t", -1);
      String where = sourceName + ":" + lineNumber;
      if (columns.length > 4) {
        problems.add(where + ": expected at most 4 tab-separated columns, found " + columns.length);
        continue;
      }
      String name = columns[0].strip().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        problems.add(where + ": empty topic name");
        continue;
      }
      Integer previous = lineOfName.putIfAbsent(name, lineNumber);
      if (previous != null) {
        problems.add(where + ": topic '" + name + "' already defined on line " + previous);
        continue;
      }
      List<String> aliases = columns.length > 1 ? splitList(columns[1]) : List.of();
      List<String> acronyms = columns.length > 2 ? splitList(columns[2]) : List.of();
      String parent = columns.length > 3 ? columns[3].strip().toLowerCase(Locale.ROOT) : "";
      entries.add(new TaxonomyEntry(name, aliases, acronyms, parent.isEmpty() ? null : parent));
    }
    return new TaxonomyParseResult(new Taxonomy(version, entries), problems);
  }

  private static List<String> splitList(String column) {
    return Arrays.stream(column.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
