package io.paperpulse.tagging.eval;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads the Inspec archive, or another keyphrase benchmark packed the same way: {@code
 * Inspec/docsutf8/ID.txt} holds the title (up to the first line ending in CR) and the abstract;
 * {@code Inspec/keys/ID.key} holds one keyphrase per line, the uncontrolled keys first, closed by a
 * line ending in CR, then the controlled ones.
 */
public final class InspecCorpus {
  private InspecCorpus() {}

  public static List<InspecDocument> read(Path zip) throws IOException {
    return readNamed(zip).documents();
  }

  /**
   * A keyphrase benchmark in this layout: its name (the archive's top folder) and its documents.
   */
  public record Named(String name, List<InspecDocument> documents) {}

  /**
   * Reads any archive in the Inspec layout ({@code NAME/docsutf8/ID.txt}, {@code
   * NAME/keys/ID.key}). Numeric file names are the document ids; other names are numbered 1, 2, ...
   * in name order.
   */
  public static Named readNamed(Path zip) throws IOException {
    Map<String, String> texts = new HashMap<>();
    Map<String, String> keys = new HashMap<>();
    String datasetName = null;
    try (InputStream file = Files.newInputStream(zip);
        ZipInputStream in = new ZipInputStream(file)) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        String name = entry.getName();
        if (entry.isDirectory()) {
          continue;
        }
        if (name.contains("/docsutf8/") && name.endsWith(".txt")) {
          texts.put(fileStem(name), readAll(in));
          datasetName =
              datasetName == null ? name.substring(0, name.indexOf("/docsutf8/")) : datasetName;
        } else if (name.contains("/keys/") && name.endsWith(".key")) {
          keys.put(fileStem(name), readAll(in));
        }
      }
    }
    List<String> names = new ArrayList<>(texts.keySet());
    names.removeIf(n -> !keys.containsKey(n));
    boolean numeric =
        names.stream()
            .allMatch(
                n -> !n.isEmpty() && n.chars().allMatch(Character::isDigit) && n.length() < 10);
    names.sort(numeric ? Comparator.comparingInt(Integer::parseInt) : Comparator.naturalOrder());
    List<InspecDocument> documents = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      documents.add(parse(numeric ? Integer.parseInt(n) : i + 1, texts.get(n), keys.get(n)));
    }
    String shown =
        datasetName == null || datasetName.isEmpty()
            ? zip.getFileName().toString()
            : datasetName.substring(datasetName.lastIndexOf('/') + 1);
    return new Named(shown, documents);
  }

  static InspecDocument parse(int id, String text, String keyFile) {
    List<List<String>> textSections = sectionsClosedByCarriageReturn(text);
    String title = textSections.isEmpty() ? "" : joinLines(textSections.get(0));
    StringBuilder body = new StringBuilder();
    for (int i = 1; i < textSections.size(); i++) {
      body.append(joinLines(textSections.get(i))).append(' ');
    }
    List<List<String>> keySections = sectionsClosedByCarriageReturn(keyFile);
    List<String> uncontrolled = keySections.isEmpty() ? List.of() : cleanKeys(keySections.get(0));
    List<String> controlled = new ArrayList<>();
    for (int i = 1; i < keySections.size(); i++) {
      controlled.addAll(cleanKeys(keySections.get(i)));
    }
    return new InspecDocument(id, title, body.toString().strip(), uncontrolled, controlled);
  }

  /** Lines grouped into sections, each closed by a line that ends with a carriage return. */
  private static List<List<String>> sectionsClosedByCarriageReturn(String content) {
    List<List<String>> sections = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String line : content.split("\n", -1)) {
      boolean closes = line.endsWith("\r");
      String cleaned = line.replace("\r", "").strip();
      if (!cleaned.isEmpty()) {
        current.add(cleaned);
      }
      if (closes) {
        sections.add(current);
        current = new ArrayList<>();
      }
    }
    if (!current.isEmpty()) {
      sections.add(current);
    }
    return sections;
  }

  private static List<String> cleanKeys(List<String> lines) {
    return lines.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static String joinLines(List<String> lines) {
    return String.join(" ", lines);
  }

  private static String fileStem(String entryName) {
    String file = entryName.substring(entryName.lastIndexOf('/') + 1);
    return file.substring(0, file.lastIndexOf('.'));
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
