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
 * Reads the Inspec archive: {@code Inspec/docsutf8/ID.txt} holds the title (up to the first line
 * ending in CR) and the abstract; {@code Inspec/keys/ID.key} holds one keyphrase per line, the
 * uncontrolled keys first, closed by a line ending in CR, then the controlled ones.
 */
public final class InspecCorpus {
  private InspecCorpus() {}

  public static List<InspecDocument> read(Path zip) throws IOException {
    Map<Integer, String> texts = new HashMap<>();
    Map<Integer, String> keys = new HashMap<>();
    try (InputStream file = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(file)) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        String name = entry.getName();
        if (entry.isDirectory()) {
          continue;
        }
        if (name.contains("/docsutf8/") && name.endsWith(".txt")) {
          texts.put(idOf(name), readAll(in));
        } else if (name.contains("/keys/") && name.endsWith(".key")) {
          keys.put(idOf(name), readAll(in));
        }
      }
    }
    List<InspecDocument> documents = new ArrayList<>();
    for (Map.Entry<Integer, String> e : texts.entrySet()) {
      String key = keys.get(e.getKey());
      if (key != null) {
        documents.add(parse(e.getKey(), e.getValue(), key));
      }
    }
    documents.sort(Comparator.comparingInt(InspecDocument::id));
    return documents;
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

  private static int idOf(String entryName) {
    String file = entryName.substring(entryName.lastIndexOf('/') + 1);
    return Integer.parseInt(file.substring(0, file.indexOf('.')));
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
