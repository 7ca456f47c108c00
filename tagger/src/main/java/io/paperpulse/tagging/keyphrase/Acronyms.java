package io.paperpulse.tagging.keyphrase;

/**
 * Acronyms defined in the text, "large language models (LLMs)" or "key-value (KV) cache": the words
 * right before a parenthesised acronym whose initials spell it are its long form. Every later use
 * of the acronym then counts as a use of the long form's words, and the acronym on its own is no
 * candidate, so "LLMs" used ten times ranks "large language model" instead of competing with it as
 * a single word.
 */
final class Acronyms {
  private static final int MAX_LETTERS = 8;

  /** Two to eight letters or digits, at least two capitals, nothing lower case but a plural s. */
  static boolean looksLikeOne(String surface) {
    int length = surface.length();
    if (length >= 3 && surface.charAt(length - 1) == 's') {
      length--;
    }
    if (length < 2 || length > MAX_LETTERS) {
      return false;
    }
    int capitals = 0;
    for (int i = 0; i < length; i++) {
      char c = surface.charAt(i);
      if (Character.isUpperCase(c)) {
        capitals++;
      } else if (!Character.isDigit(c)) {
        return false;
      }
    }
    return capitals >= 2;
  }

  /**
   * Finds the definitions in the paper's words and adds the weight of each later use of a defined
   * acronym to the stems of its long form.
   *
   * @param titleWeight what one title occurrence adds to a stem (an abstract occurrence adds 1)
   */
  void link(Workspace words, double titleWeight) {
    int size = words.size();
    for (int i = 1; i < size; i++) {
      if (!words.has(i, FeatureColumns.ACRONYM)
          || !words.breakBefore(i)
          || (i + 1 < size && !words.breakBefore(i + 1))) {
        continue;
      }
      int longFormStart = longFormBefore(words, i);
      if (longFormStart < 0) {
        continue;
      }
      int acronym = words.stemIndex(i);
      if (words.linkedAcronym(acronym)) {
        continue; // defined twice: the first definition counts
      }
      words.linkAcronym(acronym, longFormStart, i - longFormStart);
      for (int p = i + 1; p < size; p++) {
        if (words.stemIndex(p) == acronym) {
          double weight = words.inTitle(p) ? titleWeight : 1.0;
          for (int k = longFormStart; k < i; k++) {
            words.stems.addWeight(words.stemIndex(k), weight);
          }
        }
      }
    }
  }

  /**
   * Start of the content words right before position {@code at} whose initials (each part of a
   * hyphenated word giving one) spell the acronym at {@code at}, or -1.
   */
  private static int longFormBefore(Workspace words, int at) {
    // the spelling is lower case, so a final s may be a letter ("GPS") or a plural ("LLMs"): try
    // both
    String lower = words.spelling(at);
    int start = longFormSpelling(words, at, lower);
    if (start < 0 && lower.length() >= 3 && lower.endsWith("s")) {
      start = longFormSpelling(words, at, lower.substring(0, lower.length() - 1));
    }
    return start;
  }

  /**
   * Start of the content words right before {@code at} whose initials are exactly {@code letters},
   * or -1.
   */
  private static int longFormSpelling(Workspace words, int at, String letters) {
    StringBuilder initials = new StringBuilder(MAX_LETTERS);
    for (int start = at - 1; start >= 0 && at - start <= letters.length(); start--) {
      if (words.stemIndex(start) < 0 || (start < at - 1 && words.breakBefore(start + 1))) {
        return -1;
      }
      initials.insert(0, initialsOf(words.spelling(start)));
      if (initials.length() == letters.length()) {
        return initials.toString().equals(letters) ? start : -1;
      }
      if (initials.length() > letters.length()) {
        return -1;
      }
    }
    return -1;
  }

  /** First letter of each hyphen-separated part: "key-value" gives "kv". */
  private static String initialsOf(String lower) {
    StringBuilder out = new StringBuilder(2);
    boolean partStart = true;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (c == '-') {
        partStart = true;
      } else if (partStart) {
        out.append(c);
        partStart = false;
      }
    }
    return out.toString();
  }
}
