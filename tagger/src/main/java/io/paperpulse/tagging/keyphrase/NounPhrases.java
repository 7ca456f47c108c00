package io.paperpulse.tagging.keyphrase;

/**
 * Finds the candidate keyphrases of a paper in its {@link Workspace}: noun phrases, told apart from
 * verbs with the part-of-speech flags of each word ({@link PartOfSpeechFlags}) and its neighbours,
 * added to the workspace's {@link CandidateTable}.
 */
final class NounPhrases {
  private final KeyphraseSettings settings;

  NounPhrases(KeyphraseSettings settings) {
    this.settings = settings;
  }

  /**
   * Finds the paper's noun phrases: runs of content words between stop words, punctuation and
   * verbs, cut at the front past participles and -ing forms that are verbs rather than nouns
   * ("named", "serving") and at the back to end on a word that can be a noun. A phrase opened by
   * weak modifiers ("high", "robust") is a candidate with and without them. What counts as a verb
   * is in {@link #isVerb}. With {@link KeyphraseSettings#ofPhrases()}, two noun phrases joined by
   * "of" also form one.
   */
  void collect(Workspace words) {
    int total = words.size();
    int runStart = -1;
    int previousStart = -1;
    int previousEnd = -1;
    for (int i = 0; i <= total; i++) {
      boolean content =
          i < total
              && words.stemIndex(i) >= 0
              && !isVerb(words, i, runStart >= 0 && !words.breakBefore(i));
      boolean endsRun = !content || (runStart >= 0 && words.breakBefore(i));
      if (!endsRun) {
        if (runStart < 0) {
          runStart = i;
        }
        continue;
      }
      if (runStart >= 0) {
        while (runStart < i - 1
            && (words.has(runStart, FeatureColumns.BARE_PARTICIPLE)
                || words.has(runStart, FeatureColumns.VERBAL_ING)
                || (words.has(runStart, FeatureColumns.ING_FORM)
                    && words.has(runStart + 1, FeatureColumns.ADJECTIVE)))) {
          runStart++;
        }
        int end = nounPhraseEnd(words, runStart, i);
        int core = runStart;
        while (core < end && words.has(core, FeatureColumns.WEAK)) {
          core++;
        }
        if (core > runStart && core < end) {
          addRun(words, core, end); // "high voltage" is also "voltage"
        }
        if (core < end) {
          addRun(words, runStart, end);
          if (settings.ofPhrases() && joinedByOf(words, previousEnd, runStart)) {
            int length = end - previousStart;
            if (length <= settings.maxWords() + 1) {
              words.candidates.add(words, previousStart, length);
            }
          }
          previousStart = runStart;
          previousEnd = end;
        }
      }
      runStart = content ? i : -1;
    }
  }

  /**
   * True when the content word at {@code i} reads as a verb here: a finite verb ("lowers"); a
   * base-form verb right after "to", a pronoun, a modal, an adverb or a plural noun ("to call", "we
   * exchange", "only exchange", "nodes exchange"; a plural rarely modifies a noun); an -s form with
   * a verb reading before another content word ("supports mixed precision"); an -s form that is
   * more often a verb than a noun, after a content word and before what follows verbs (a
   * determiner, a pronoun, an adverb, or for the mostly-verb forms also punctuation or a stop word:
   * "the sample rises.").
   */
  private static boolean isVerb(Workspace words, int i, boolean afterContentWord) {
    if (words.has(i, FeatureColumns.FINITE_VERB)) {
      return true;
    }
    if (i > 0
        && !words.breakBefore(i)
        && ((words.has(i - 1, FeatureColumns.TO_CUE) && words.has(i, FeatureColumns.VERB_AFTER_TO))
            || ((words.has(i - 1, FeatureColumns.SUBJECT_CUE)
                    || words.has(i - 1, FeatureColumns.PLURAL))
                && words.has(i, FeatureColumns.VERB_AFTER_SUBJECT)))) {
      return true;
    }
    int next = i + 1;
    boolean boundary = next == words.size() || words.breakBefore(next);
    if (words.has(i, FeatureColumns.S_FORM)
        && !boundary
        && words.stemIndex(next) >= 0
        && !words.has(next, FeatureColumns.FINITE_VERB)) {
      return true;
    }
    if (!afterContentWord || !words.has(i, FeatureColumns.VERB_S)) {
      return false;
    }
    if (!boundary && words.has(next, FeatureColumns.VERB_CUE)) {
      return true;
    }
    return words.has(i, FeatureColumns.VERB_S_STRONG) && (boundary || words.stemIndex(next) < 0);
  }

  /**
   * End (exclusive) of the noun phrase in the run {@code [from, to)}: after its last possible noun.
   */
  private static int nounPhraseEnd(Workspace words, int from, int to) {
    int end = to;
    while (end > from && !words.has(end - 1, FeatureColumns.HEAD)) {
      end--;
    }
    return end;
  }

  /**
   * True when one "of" separates a noun phrase ending at {@code previousEnd} from the one starting
   * at {@code start}.
   */
  private static boolean joinedByOf(Workspace words, int previousEnd, int start) {
    return previousEnd >= 0
        && previousEnd == start - 1
        && words.has(previousEnd, FeatureColumns.OF)
        && !words.breakBefore(previousEnd)
        && !words.breakBefore(start);
  }

  private void addRun(Workspace words, int from, int to) {
    int length = to - from;
    int max = settings.maxWords();
    if (length <= max) {
      words.candidates.add(words, from, length);
      return;
    }
    for (int start = from; start + max <= to; start++) {
      words.candidates.add(words, start, max);
    }
  }
}
