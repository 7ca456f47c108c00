package io.paperpulse.tagging.keyphrase;

import io.paperpulse.tagging.text.Word;

/**
 * What the extractor needs to know about one word (a token, or a hyphenated compound), computed
 * once per distinct word and reused for every occurrence; kept as a note on the token's
 * {@link Word}, or in the extractor's compound cache.
 */
final class WordFeatures extends Word.Note {
  private final String lower;
  private final String singular;
  private final String stem;
  private final int stemHash;
  private final boolean stop;
  private final boolean generic;
  private final double defaultIdf;
  private final boolean modifier;

  /**
   * @param lower lower case, as in a candidate's non-final positions
   * @param singular lower case, singular, as in a candidate's final position
   * @param stem Porter stem (compounds stemmed part by part)
   * @param stop true when the word cannot be part of a candidate
   * @param generic true when the word is on the generic-word list
   * @param defaultIdf inverse document frequency of the stem in the extractor's default table
   * @param modifier true when the word's ending marks an adjective or participle
   */
  WordFeatures(KeyphraseExtractor owner, String lower, String singular, String stem, boolean stop,
      boolean generic, double defaultIdf, boolean modifier) {
    super(owner);
    this.lower = lower;
    this.singular = singular;
    this.stem = stem;
    this.stemHash = stem.hashCode();
    this.stop = stop;
    this.generic = generic;
    this.defaultIdf = defaultIdf;
    this.modifier = modifier;
  }

  String lower() {
    return lower;
  }

  String singular() {
    return singular;
  }

  String stem() {
    return stem;
  }

  /** The stem's String hash, kept here so that numbering a paper's stems does not visit the String. */
  int stemHash() {
    return stemHash;
  }

  boolean stop() {
    return stop;
  }

  boolean generic() {
    return generic;
  }

  double defaultIdf() {
    return defaultIdf;
  }

  /** True when the word looks like an adjective or participle: it rarely ends a keyphrase. */
  boolean modifier() {
    return modifier;
  }
}
