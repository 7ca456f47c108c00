package io.paperpulse.tagging.keyphrase;

import io.paperpulse.tagging.text.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A logistic-regression ranker of keyphrase candidates: the probability that a candidate is a
 * keyphrase, from a few features of it in its paper ({@link #FEATURES}, computed by the extractor),
 * with weights fitted on the even half of Inspec ({@code FitKeyphraseRanker} in the tests) and
 * shipped in {@code keyphrase-ranker.tsv}, and the {@link KeyphrasePriors} counted on the same
 * papers, shipped in {@code keyphrase-priors.tsv}. The weights file names the version of the
 * feature definitions it was fitted with; a file of another version, or with other features, is
 * rejected.
 */
public final class KeyphraseRanker {
  /** Version of the feature definitions below; changes whenever one of them changes. */
  public static final String FEATURES_VERSION = "candidate-features-2";

  /**
   * The features, in the order of a feature vector:
   *
   * <ul>
   *   <li>{@code log_score}: ln of the hand-fitted candidate score (word scores f^0.6 * idf * e,
   *       length, position and shape factors; docs/tagging.md);
   *   <li>{@code log_occurrences}: ln of how often the phrase occurs in the paper, any spelling;
   *   <li>{@code first_position}: position of its first occurrence / number of words of the paper;
   *   <li>{@code spread}: (last occurrence - first occurrence) / number of words of the paper;
   *   <li>{@code words}: its number of words;
   *   <li>{@code single_word}: 1 for a one-word candidate;
   *   <li>{@code long_phrase}: 1 for four words or more;
   *   <li>{@code in_title}: 1 when it occurs in the title;
   *   <li>{@code head_everyday}: the everyday-English factor (1 + ln w)^-1 of its last word;
   *   <li>{@code acronym}: 1 for a single word written like an acronym;
   *   <li>{@code adjective_first}: 1 when its first word is counted more often as an adjective than
   *       as a noun ("large", "neural");
   *   <li>{@code modifier_end}: 1 when its last word has an adjective or participle ending;
   *   <li>{@code weak_first}: 1 when its first word is a weak modifier ("high", "robust"), which
   *       keyphrases sometimes keep ("high voltage") and mostly do not ("robust method");
   *   <li>{@code stem_prior}: the mean over its words of {@link KeyphrasePriors#stemPrior}, how
   *       often the word was part of a keyphrase when it was part of a candidate in the fitting
   *       papers.
   * </ul>
   */
  public static final List<String> FEATURES =
      List.of(
          "log_score",
          "log_occurrences",
          "first_position",
          "spread",
          "words",
          "single_word",
          "long_phrase",
          "in_title",
          "head_everyday",
          "acronym",
          "adjective_first",
          "modifier_end",
          "weak_first",
          "stem_prior");

  static final int LOG_SCORE = 0;
  static final int LOG_OCCURRENCES = 1;
  static final int FIRST_POSITION = 2;
  static final int SPREAD = 3;
  static final int WORDS = 4;
  static final int SINGLE_WORD = 5;
  static final int LONG_PHRASE = 6;
  static final int IN_TITLE = 7;
  static final int HEAD_EVERYDAY = 8;
  static final int ACRONYM = 9;
  static final int ADJECTIVE_FIRST = 10;
  static final int MODIFIER_END = 11;
  static final int WEAK_FIRST = 12;
  public static final int STEM_PRIOR = 13;

  /** Where the shipped weights are, on the class path. */
  public static final String RESOURCE = "/io/paperpulse/tagging/keyphrase-ranker.tsv";

  private final double bias;
  private final double[] weights;
  private final KeyphrasePriors priors;

  /**
   * @param bias the intercept
   * @param weights one per feature of {@link #FEATURES}, applied to the raw feature values
   * @param priors the counts the prior features are read from
   */
  public KeyphraseRanker(double bias, double[] weights, KeyphrasePriors priors) {
    if (weights.length != FEATURES.size()) {
      throw new IllegalArgumentException(
          "expected " + FEATURES.size() + " weights, got " + weights.length);
    }
    this.bias = bias;
    this.weights = weights.clone();
    this.priors = priors;
  }

  public KeyphrasePriors priors() {
    return priors;
  }

  /** The ranker shipped in the jar, with its priors. */
  public static KeyphraseRanker loadDefault() {
    return parse(Resources.text(RESOURCE), RESOURCE, KeyphrasePriors.loadDefault());
  }

  /**
   * Reads the format {@link #format} writes: {@code @features VERSION}, then one {@code name <TAB>
   * weight} line per feature in order after {@code bias}; {@code #} starts a comment line.
   */
  public static KeyphraseRanker parse(String text, String source, KeyphrasePriors priors) {
    String version = null;
    Double bias = null;
    List<Double> weights = new ArrayList<>();
    int line = 0;
    for (String raw : text.split("\n")) {
      line++;
      String l = raw.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      if (l.startsWith("@features ")) {
        version = l.substring("@features ".length()).strip();
        continue;
      }
      String[] cols = l.split("\t");
      if (cols.length != 2) {
        throw new IllegalArgumentException(source + ":" + line + ": expected name<TAB>weight");
      }
      double value = Double.parseDouble(cols[1].strip());
      if (bias == null) {
        if (!cols[0].equals("bias")) {
          throw new IllegalArgumentException(source + ":" + line + ": expected bias first");
        }
        bias = value;
        continue;
      }
      int index = weights.size();
      if (index >= FEATURES.size() || !FEATURES.get(index).equals(cols[0])) {
        throw new IllegalArgumentException(
            source
                + ":"
                + line
                + ": expected feature "
                + (index < FEATURES.size() ? FEATURES.get(index) : "none")
                + ", found "
                + cols[0]);
      }
      weights.add(value);
    }
    if (!FEATURES_VERSION.equals(version)) {
      throw new IllegalArgumentException(
          source + ": fitted for features " + version + ", these are " + FEATURES_VERSION);
    }
    if (bias == null || weights.size() != FEATURES.size()) {
      throw new IllegalArgumentException(source + ": incomplete, " + weights.size() + " weights");
    }
    return new KeyphraseRanker(
        bias, weights.stream().mapToDouble(Double::doubleValue).toArray(), priors);
  }

  /** The file {@link #parse} reads, with {@code comment} lines first. */
  public String format(List<String> comment) {
    StringBuilder out = new StringBuilder();
    for (String c : comment) {
      out.append("# ").append(c).append('\n');
    }
    out.append("@features ").append(FEATURES_VERSION).append('\n');
    out.append("bias\t").append(String.format(Locale.ROOT, "%.6f", bias)).append('\n');
    for (int f = 0; f < weights.length; f++) {
      out.append(FEATURES.get(f))
          .append('\t')
          .append(String.format(Locale.ROOT, "%.6f", weights[f]))
          .append('\n');
    }
    return out.toString();
  }

  /** The probability that a candidate with these features is a keyphrase. */
  public double probability(double[] features) {
    double z = bias;
    for (int f = 0; f < weights.length; f++) {
      z += weights[f] * features[f];
    }
    return 1.0 / (1.0 + Math.exp(-z));
  }
}
