package io.paperpulse.tagging.text;

import java.util.Map;
import java.util.Set;

/**
 * Reduces a lower-case English word to its singular form ("models" to "model", "queries" to
 * "query", "approaches" to "approach") and leaves everything else alone.
 *
 * <p>Deliberately lighter than a stemmer: taxonomy matching and keyphrase names need a form that is
 * still a readable word, and full stemming conflates unrelated words (Porter maps both "general"
 * and "generative" to "gener"). Words that only look plural ("analysis", "bias", "robotics",
 * "series") are kept as they are.
 */
public final class Singularizer {
  private static final Set<String> INVARIANT =
      Set.of(
          "series",
          "species",
          "news",
          "lens",
          "bias",
          "atlas",
          "canvas",
          "gas",
          "chaos",
          "ethos",
          "cosmos",
          "pathos",
          "kudos",
          "alias",
          "corpus",
          "status",
          "virus",
          "focus",
          "consensus",
          "radius",
          "thus",
          "plus",
          "bus",
          "campus",
          "census",
          "genus",
          "nexus",
          "bonus",
          "always",
          "perhaps",
          "towards",
          "whereas",
          "yes",
          "this",
          "its",
          "has",
          "was",
          "does",
          "is",
          "us",
          "as",
          "less",
          "across",
          "wireless",
          "lossless",
          "process",
          "access",
          "stress",
          "mass",
          "class",
          "loss",
          "gaussian",
          "mars",
          "vs",
          "sars",
          "aids",
          "rms",
          "gps",
          "dns",
          "ios",
          "macos",
          "linux",
          "tts",
          "qos",
          "kubernetes",
          "numpy",
          "pandas",
          "delphi",
          "bayes",
          "yolos");

  private static final Map<String, String> IRREGULAR =
      Map.of(
          "analyses",
          "analysis",
          "hypotheses",
          "hypothesis",
          "indices",
          "index",
          "matrices",
          "matrix",
          "vertices",
          "vertex",
          "theses",
          "thesis",
          "syntheses",
          "synthesis",
          "diagnoses",
          "diagnosis",
          "phenomena",
          "phenomenon",
          "criteria",
          "criterion");

  /** Singular form of lower-case characters {@code word[0, length)}. */
  public String singular(char[] word, int length) {
    if (length > 6 && (word[length - 1] == 's' || word[length - 1] == 'a')) {
      String irregular = IRREGULAR.get(new String(word, 0, length));
      if (irregular != null) {
        return irregular;
      }
    }
    int cut = singularLength(word, length);
    if (cut == -1) {
      // "ies" becomes "y": rewrite the tail.
      char[] copy = new char[length - 2];
      System.arraycopy(word, 0, copy, 0, length - 3);
      copy[length - 3] = 'y';
      return new String(copy);
    }
    return new String(word, 0, cut);
  }

  /** Convenience for strings; the hot path uses the array form. */
  public String singular(String lowerCaseWord) {
    return singular(lowerCaseWord.toCharArray(), lowerCaseWord.length());
  }

  /** New length of the word, or -1 when its "ies" ending must become "y". */
  private static int singularLength(char[] w, int len) {
    if (len < 4 || w[len - 1] != 's' || !Character.isLetter(w[len - 2])) {
      return len;
    }
    char p = w[len - 2];
    if (p == 's' || p == 'u' || p == 'i' || p == '\'') {
      return len; // class, corpus, analysis
    }
    if (len >= 4 && w[len - 3] == 'i' && p == 'c') {
      return len; // robotics, physics, graphics
    }
    if (INVARIANT.contains(new String(w, 0, len))) {
      return len;
    }
    if (p == 'e') {
      if (len > 4 && w[len - 3] == 'i') {
        char before = w[len - 4];
        return before == 'a' || before == 'e' || before == 'o' ? len - 1 : -1; // queries -> query
      }
      char q = w[len - 3];
      boolean silentE =
          q == 'h'
              && w[len - 4] == 'c'
              && len > 5
              && w[len - 5] == 'a'
              && w[len - 6] != 'o'
              && w[len - 6] != 'e'; // caches, headaches (not approaches, reaches)
      if (!silentE
          && (q == 'x'
              || q == 'z'
              || (q == 's' && w[len - 4] == 's')
              || (q == 'h' && (w[len - 4] == 'c' || w[len - 4] == 's')))) {
        return len - 2; // boxes, processes, approaches, meshes
      }
    }
    return len - 1;
  }
}
