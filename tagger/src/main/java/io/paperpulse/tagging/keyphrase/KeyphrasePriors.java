package io.paperpulse.tagging.keyphrase;

import io.paperpulse.tagging.text.LongIntMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the papers a {@link KeyphraseRanker} was fitted on say about words and phrases as
 * keyphrases: for each stem, in how many papers it was part of a candidate and in how many of a
 * candidate that was a gold keyphrase; for each phrase (its stem key), in how many papers it was a
 * gold keyphrase. They give the ranker's {@code stem_prior} and {@code phrase_prior} features, the
 * "keyphraseness" of supervised extractors: terms of the field ("neural network") rank above words
 * every paper uses ("approach", "paper") even where the document frequencies of a small corpus
 * cannot tell them apart. A stem or phrase the fitting papers never had gets the value of one seen
 * nowhere, so new terms are not held back.
 *
 * <p>Resource format ({@code keyphrase-priors.tsv}): {@code @papers N}, then {@code
 * s<TAB>stem<TAB>keyphrase papers<TAB>candidate papers} and {@code p<TAB>stem key<TAB>keyphrase
 * papers} lines; {@code #} starts a comment line.
 */
public final class KeyphrasePriors {
  /** Where the shipped priors are, on the class path. */
  public static final String RESOURCE = "/io/paperpulse/tagging/keyphrase-priors.tsv";

  /** No fitting papers: every stem and phrase gets the value of an unseen one. */
  public static final KeyphrasePriors NONE = new KeyphrasePriors(0, Map.of(), Map.of());

  /** Papers in which a stem was part of a gold keyphrase, and part of any candidate. */
  public record StemCounts(int keyphrasePapers, int candidatePapers) {}

  private final int papers;
  private final Map<String, StemCounts> stems;
  private final Map<String, Integer> phrases;
  private final LongIntMap phrasesByHash;

  public KeyphrasePriors(int papers, Map<String, StemCounts> stems, Map<String, Integer> phrases) {
    this.papers = papers;
    this.stems = Map.copyOf(stems);
    this.phrases = Map.copyOf(phrases);
    this.phrasesByHash = new LongIntMap(phrases.size());
    phrases.forEach((key, count) -> phrasesByHash.put(phraseHash(key), count));
  }

  /**
   * The stem feature of one word: ln((k + 1) / (c + 3)) for a stem that was part of a gold
   * keyphrase in k papers and of a candidate in c; the smoothing keeps rare stems near the value of
   * an unseen one, ln(1/3).
   */
  public static double stemPrior(int keyphrasePapers, int candidatePapers) {
    return Math.log((keyphrasePapers + 1.0) / (candidatePapers + 3.0));
  }

  /** The phrase feature: ln(1 + k) for a phrase that was a gold keyphrase in k papers. */
  public static double phrasePrior(int keyphrasePapers) {
    return Math.log1p(keyphrasePapers);
  }

  public double stemPrior(String stem) {
    StemCounts c = stems.get(stem);
    return c == null ? stemPrior(0, 0) : stemPrior(c.keyphrasePapers(), c.candidatePapers());
  }

  /** In how many fitting papers the phrase of {@link #phraseHash} {@code hash} was a keyphrase. */
  int keyphrasePapers(long phraseHash) {
    return Math.max(0, phrasesByHash.get(phraseHash));
  }

  /** 64-bit FNV-1a hash of a stem, the unit {@link #extend} builds phrase hashes from. */
  static long stemHash(String stem) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < stem.length(); i++) {
      h ^= stem.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  /**
   * Hash of a phrase extended by one more stem: order matters, "model train" is not "train model".
   */
  static long extend(long phraseHash, long stemHash) {
    return (Long.rotateLeft(phraseHash, 17) ^ stemHash) * 0x9e3779b97f4a7c15L;
  }

  /** Hash of a stem key (stems joined by spaces), as the extractor builds it word by word. */
  static long phraseHash(String key) {
    long h = 0;
    for (String stem : key.split(" ")) {
      h = extend(h, stemHash(stem));
    }
    return h;
  }

  /** The priors shipped in the jar, which go with the shipped ranker weights. */
  public static KeyphrasePriors loadDefault() {
    try (InputStream in = KeyphrasePriors.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the format {@link #format} writes. */
  public static KeyphrasePriors parse(String text, String source) {
    Integer papers = null;
    Map<String, StemCounts> stems = new HashMap<>();
    Map<String, Integer> phrases = new HashMap<>();
    int line = 0;
    for (String raw : text.split("\n")) {
      line++;
      if (raw.isBlank() || raw.startsWith("#")) {
        continue;
      }
      if (raw.startsWith("@papers ")) {
        papers = Integer.parseInt(raw.substring("@papers ".length()).strip());
        continue;
      }
      String[] cols = raw.split("\t");
      try {
        if (cols[0].equals("s") && cols.length == 4) {
          stems.put(
              cols[1],
              new StemCounts(Integer.parseInt(cols[2]), Integer.parseInt(cols[3].strip())));
        } else if (cols[0].equals("p") && cols.length == 3) {
          phrases.put(cols[1], Integer.parseInt(cols[2].strip()));
        } else {
          throw new IllegalArgumentException(
              source + ":" + line + ": expected s<TAB>stem<TAB>k<TAB>c or p<TAB>key<TAB>k");
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(source + ":" + line + ": not a count: " + raw, e);
      }
    }
    if (papers == null) {
      throw new IllegalArgumentException(source + ": missing '@papers N'");
    }
    return new KeyphrasePriors(papers, stems, phrases);
  }

  /** The resource format, sorted, with {@code comment} lines first. */
  public String format(List<String> comment) {
    StringBuilder out = new StringBuilder();
    for (String c : comment) {
      out.append("# ").append(c).append('\n');
    }
    out.append("@papers ").append(papers).append('\n');
    new TreeMap<>(stems)
        .forEach(
            (stem, c) ->
                out.append("s\t")
                    .append(stem)
                    .append('\t')
                    .append(c.keyphrasePapers())
                    .append('\t')
                    .append(c.candidatePapers())
                    .append('\n'));
    new TreeMap<>(phrases)
        .forEach((key, k) -> out.append("p\t").append(key).append('\t').append(k).append('\n'));
    return out.toString();
  }

  /** Number of papers the counts come from. */
  public int papers() {
    return papers;
  }
}
