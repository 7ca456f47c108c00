package io.paperpulse.tagging.keyphrase;

import io.paperpulse.tagging.text.Resources;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the papers a {@link KeyphraseRanker} was fitted on say about words as parts of keyphrases:
 * for each stem, in how many papers it was part of a candidate, and in how many part of a candidate
 * that was a gold keyphrase. This gives the ranker's {@code stem_prior} feature, the
 * "keyphraseness" of supervised extractors: words of a field's terms ("neural", "voltage") rank
 * above words every paper uses ("approach", "problem") where the document frequencies of a small
 * corpus cannot tell them apart. A stem the fitting papers never had gets the value of a stem seen
 * nowhere, which is above that of a stem seen often and rarely in a keyphrase: new terms are not
 * held back.
 *
 * <p>Resource format ({@code keyphrase-priors.tsv}): {@code @papers N}, then one {@code
 * stem<TAB>keyphrase papers<TAB>candidate papers} line per stem; {@code #} starts a comment line.
 */
public final class KeyphrasePriors {
  /** Where the shipped priors are, on the class path. */
  public static final String RESOURCE = "/io/paperpulse/tagging/keyphrase-priors.tsv";

  /** No fitting papers: every stem gets the value of an unseen one. */
  public static final KeyphrasePriors NONE = new KeyphrasePriors(0, Map.of());

  /** Papers in which a stem was part of a gold keyphrase, and part of any candidate. */
  public record StemCounts(int keyphrasePapers, int candidatePapers) {}

  private final int papers;
  private final Map<String, StemCounts> stems;

  public KeyphrasePriors(int papers, Map<String, StemCounts> stems) {
    this.papers = papers;
    this.stems = Map.copyOf(stems);
  }

  /**
   * The prior of one word: ln((k + 1) / (c + 3)) for a stem that was part of a gold keyphrase in k
   * papers and of a candidate in c. The smoothing keeps rarely seen stems near the value of an
   * unseen one, ln(1/3).
   */
  public static double stemPrior(int keyphrasePapers, int candidatePapers) {
    return Math.log((keyphrasePapers + 1.0) / (candidatePapers + 3.0));
  }

  public double stemPrior(String stem) {
    StemCounts c = stems.get(stem);
    return c == null ? stemPrior(0, 0) : stemPrior(c.keyphrasePapers(), c.candidatePapers());
  }

  /** Number of papers the counts come from. */
  public int papers() {
    return papers;
  }

  /** The priors shipped in the jar, which go with the shipped ranker weights. */
  public static KeyphrasePriors loadDefault() {
    return parse(Resources.text(RESOURCE), RESOURCE);
  }

  /** Reads the format {@link #format} writes. */
  public static KeyphrasePriors parse(String text, String source) {
    Integer papers = null;
    Map<String, StemCounts> stems = new HashMap<>();
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
      if (cols.length != 3) {
        throw new IllegalArgumentException(
            source + ":" + line + ": expected stem<TAB>keyphrase papers<TAB>candidate papers");
      }
      try {
        stems.put(
            cols[0], new StemCounts(Integer.parseInt(cols[1]), Integer.parseInt(cols[2].strip())));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(source + ":" + line + ": not a count: " + raw, e);
      }
    }
    if (papers == null) {
      throw new IllegalArgumentException(source + ": missing '@papers N'");
    }
    return new KeyphrasePriors(papers, stems);
  }

  /** The resource format, sorted by stem, with {@code comment} lines first. */
  public String format(List<String> comment) {
    StringBuilder out = new StringBuilder();
    for (String c : comment) {
      out.append("# ").append(c).append('\n');
    }
    out.append("@papers ").append(papers).append('\n');
    new TreeMap<>(stems)
        .forEach(
            (stem, c) ->
                out.append(stem)
                    .append('\t')
                    .append(c.keyphrasePapers())
                    .append('\t')
                    .append(c.candidatePapers())
                    .append('\n'));
    return out.toString();
  }
}
