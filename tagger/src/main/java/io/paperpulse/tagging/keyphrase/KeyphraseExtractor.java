package io.paperpulse.tagging.keyphrase;

import io.paperpulse.tagging.text.LongIntMap;
import io.paperpulse.tagging.text.PorterStems;
import io.paperpulse.tagging.text.TokenizedText;
import io.paperpulse.tagging.text.Vocabulary;
import io.paperpulse.tagging.text.Word;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Statistical keyphrase extraction from a title and abstract, without part-of-speech tagging.
 *
 * <p>Candidates are runs of content words bounded by stop words, punctuation, numbers and -ly
 * adverbs (hyphenated compounds count as one word). Each word stem scores its frequency in the
 * paper (title occurrences weigh more) times its inverse document frequency in a reference
 * corpus; a candidate scores the sum of its words, scaled up when it appears early. Variants of
 * a phrase (plurals, "modeling"/"models") share a Porter-stem key. Candidates made only of
 * generic words ("method", "results", "performance") are dropped.
 *
 * <p>Fast path: what the extractor derives from a word (stem, stop, generic and modifier flags,
 * spellings) is computed once per distinct word and kept in {@link FeatureColumns} indexed by
 * word number, an annex of the tokenizer's {@link Vocabulary}, with stems and spellings numbered
 * by the thread's {@link Lexicon}; stems and candidates of the paper live in a per-thread
 * {@link Workspace} of primitive arrays; names are only built for the candidates that make the
 * top of the ranking.
 *
 * <p>Thread-safe: configuration is read-only after construction, working state is per thread.
 */
public final class KeyphraseExtractor {
  private static final Set<String> LY_NOUNS = Set.of(
      "anomaly", "assembly", "family", "supply", "monopoly", "italy", "reply", "poly", "rely",
      "ply", "apply", "multiply", "fly", "butterfly", "jelly", "belly", "ally", "rally", "bully");

  private final PorterStems stems;
  private final Set<String> stopWords;
  private final Set<String> genericWords;
  private final DocumentFrequencies defaultFrequencies;
  private final KeyphraseSettings settings;

  private final ThreadLocal<Workspace> workspaces = ThreadLocal.withInitial(Workspace::new);

  public KeyphraseExtractor(
      PorterStems stems,
      Set<String> stopWords,
      Set<String> genericWords,
      DocumentFrequencies defaultFrequencies,
      KeyphraseSettings settings) {
    this.stems = stems;
    this.stopWords = Set.copyOf(stopWords);
    this.genericWords = Set.copyOf(genericWords);
    this.defaultFrequencies = defaultFrequencies;
    this.settings = settings;
  }

  public List<Keyphrase> extract(TokenizedText title, TokenizedText body, int limit) {
    return extract(title, body, limit, defaultFrequencies);
  }

  /** As {@link #extract(TokenizedText, TokenizedText, int)} with other document frequencies. */
  public List<Keyphrase> extract(
      TokenizedText title, TokenizedText body, int limit, DocumentFrequencies frequencies) {
    Workspace words = workspaces.get();
    words.clear();
    collectWords(title, true, words);
    collectWords(body, false, words);
    if (words.size() == 0 || limit <= 0) {
      return List.of();
    }
    StemTable stems = words.stems;
    CandidateTable candidates = words.candidates;
    int total = words.size();
    int runStart = -1;
    for (int i = 0; i <= total; i++) {
      boolean stop = i < total && words.stemIndex(i) < 0;
      boolean endsRun = i == total || stop || (runStart >= 0 && words.breakBefore(i));
      if (endsRun) {
        if (runStart >= 0) {
          addRun(words, runStart, i);
        }
        runStart = i < total && !stop ? i : -1;
      } else if (runStart < 0) {
        runStart = i;
      }
    }
    double[] stemScores = words.stemScores();
    boolean defaultTable = frequencies == defaultFrequencies;
    for (int s = 0; s < stems.size(); s++) {
      double idf = defaultTable ? stems.defaultIdf(s, words.lexicon()) : frequencies.idf(stems.stem(s, words.lexicon()));
      stemScores[s] = stems.weight(s) * idf;
    }
    double[] scores = words.candidateScores();
    for (int c = 0; c < candidates.size(); c++) {
      if (candidates.allGeneric(c)) {
        scores[c] = Double.NEGATIVE_INFINITY;
        continue;
      }
      int from = candidates.start(c);
      double sum = 0;
      for (int k = 0; k < candidates.length(c); k++) {
        sum += stemScores[words.stemIndex(from + k)];
      }
      double position = 1.0 + settings.positionDecay() * (1.0 - (double) from / total);
      scores[c] = sum * position * shapeFactor(words, from, candidates.length(c));
    }
    return top(words, scores, limit);
  }

  /** Down-weights single words and phrases that end in an adjective: keyphrases are mostly noun phrases. */
  private double shapeFactor(Workspace words, int from, int length) {
    double factor = length == 1 ? settings.singleWordFactor() : 1.0;
    return words.modifier(from + length - 1) ? factor * settings.modifierEndFactor() : factor;
  }

  /**
   * The {@code limit} best candidates by score, ties by name. Only candidates scoring at least
   * the limit-th best score get a name: usually exactly {@code limit} of them.
   */
  private static List<Keyphrase> top(Workspace words, double[] scores, int limit) {
    CandidateTable candidates = words.candidates;
    double threshold = limitThBest(scores, candidates.size(), limit);
    if (threshold == Double.NEGATIVE_INFINITY) {
      threshold = -Double.MAX_VALUE; // fewer real candidates than the limit: keep them all
    }
    List<Keyphrase> chosen = new ArrayList<>(limit + 2);
    for (int c = 0; c < candidates.size(); c++) {
      if (scores[c] >= threshold) {
        int from = candidates.start(c);
        int len = candidates.length(c);
        chosen.add(new Keyphrase(bestName(words, c), words.key(from, len), scores[c]));
      }
    }
    chosen.sort(BY_SCORE_THEN_NAME);
    return chosen.size() > limit ? List.copyOf(chosen.subList(0, limit)) : List.copyOf(chosen);
  }

  private static final Comparator<Keyphrase> BY_SCORE_THEN_NAME =
      Comparator.comparingDouble(Keyphrase::score).reversed().thenComparing(Keyphrase::name);

  /** The {@code limit}-th largest of {@code scores[0, n)} (counting repeats), or the smallest when n < limit. */
  private static double limitThBest(double[] scores, int n, int limit) {
    double[] best = new double[limit];
    Arrays.fill(best, Double.NEGATIVE_INFINITY);
    for (int c = 0; c < n; c++) {
      double score = scores[c];
      if (score <= best[limit - 1]) {
        continue;
      }
      int k = limit - 1;
      while (k > 0 && best[k - 1] < score) {
        best[k] = best[k - 1];
        k--;
      }
      best[k] = score;
    }
    return best[limit - 1];
  }

  /** Most frequent spelling; ties go to the alphabetically first, so the result is stable. */
  private static String bestName(Workspace words, int candidate) {
    CandidateTable candidates = words.candidates;
    int len = candidates.length(candidate);
    int first = candidates.firstSpelling(candidate);
    if (candidates.nextSpelling(first) < 0) {
      return words.name(candidates.spellingStart(first), len);
    }
    String best = null;
    int bestCount = 0;
    for (int s = first; s >= 0; s = candidates.nextSpelling(s)) {
      String name = words.name(candidates.spellingStart(s), len);
      int count = candidates.spellingCount(s);
      if (count > bestCount || (count == bestCount && name.compareTo(best) < 0)) {
        best = name;
        bestCount = count;
      }
    }
    return best;
  }

  /** The distinct stems of the paper's content words: what a document-frequency table counts. */
  public Set<String> contentStems(TokenizedText title, TokenizedText body) {
    Workspace words = workspaces.get();
    words.clear();
    collectWords(title, true, words);
    collectWords(body, false, words);
    Set<String> out = new HashSet<>();
    for (int s = 0; s < words.stems.size(); s++) {
      out.add(words.stems.stem(s, words.lexicon()));
    }
    return out;
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

  private void collectWords(TokenizedText text, boolean inTitle, Workspace out) {
    Lexicon lexicon = out.lexicon();
    VocabularyFeatures known = wordFeatures(text.vocabulary(), lexicon);
    FeatureColumns words = known.words;
    double weight = inTitle ? 1.0 + settings.titleBoost() : 1.0;
    int n = text.size();
    int i = 0;
    while (i < n) {
      int end = i + 1;
      while (end < n && text.hyphenBefore(end)) {
        end++;
      }
      if (end == i + 1) {
        int word = text.id(i);
        if (!words.known(word)) {
          Word w = text.word(i);
          derive(w.lower(), w.singular(), lexicon, words, word);
        }
        out.add(words, word, inTitle, text.phraseBreakBefore(i), weight);
      } else {
        int compound = end == i + 2 ? known.pairCompound(text.id(i), text.id(i + 1)) : -1;
        if (compound < 0) {
          compound = compound(text, i, end, lexicon);
          if (end == i + 2) {
            known.rememberPair(text.id(i), text.id(i + 1), compound);
          }
        }
        out.add(lexicon.compounds, compound, inTitle, text.phraseBreakBefore(i), weight);
      }
      i = end;
    }
  }

  /** This extractor's features of the words of {@code vocabulary}, kept with it on the vocabulary's thread. */
  private VocabularyFeatures wordFeatures(Vocabulary vocabulary, Lexicon lexicon) {
    VocabularyFeatures known = (VocabularyFeatures) vocabulary.annex(this);
    if (known == null || known.lexicon != lexicon) {
      known = new VocabularyFeatures(lexicon);
      vocabulary.attach(this, known);
    }
    known.words.cover(vocabulary.size());
    return known;
  }

  /**
   * Features of the words of one vocabulary, with the lexicon their numbers refer to, and the
   * lexicon numbers of its two-word compounds ("low-bandwidth") by their word numbers, so that a
   * compound seen before is found without spelling it out.
   */
  private static final class VocabularyFeatures {
    final Lexicon lexicon;
    final FeatureColumns words = new FeatureColumns();
    private final LongIntMap pairs = new LongIntMap(256);

    VocabularyFeatures(Lexicon lexicon) {
      this.lexicon = lexicon;
    }

    /** The lexicon number of the compound of words {@code first} and {@code second}, or -1. */
    int pairCompound(int first, int second) {
      return pairs.get((long) first << 32 | second);
    }

    void rememberPair(int first, int second, int compound) {
      pairs.put((long) first << 32 | second, compound);
    }
  }

  /** Number of a hyphenated compound such as "three-player" in the lexicon, its features derived. */
  private int compound(TokenizedText text, int from, int end, Lexicon lexicon) {
    StringBuilder spelling = new StringBuilder(64);
    for (int k = from; k < end - 1; k++) {
      spelling.append(text.word(k).lower()).append('-');
    }
    int prefixLength = spelling.length();
    String lower = spelling.append(text.word(end - 1).lower()).toString();
    int compound = lexicon.compound(lower);
    if (!lexicon.compounds.known(compound)) {
      spelling.setLength(prefixLength);
      derive(lower, spelling.append(text.word(end - 1).singular()).toString(), lexicon, lexicon.compounds, compound);
    }
    return compound;
  }

  /** Derives the features of the word spelled {@code lower} and {@code singular} into {@code into} at {@code at}. */
  private void derive(String lower, String singular, Lexicon lexicon, FeatureColumns into, int at) {
    if (isStop(lower)) {
      into.set(at, (byte) (FeatureColumns.KNOWN | FeatureColumns.STOP), -1, -1, -1);
      return;
    }
    String stem = stems.stem(lower);
    byte flags = FeatureColumns.KNOWN;
    if (genericWords.contains(singular)) {
      flags |= FeatureColumns.GENERIC;
    }
    if (ModifierEndings.matches(lower)) {
      flags |= FeatureColumns.MODIFIER;
    }
    into.set(at, flags, lexicon.stem(stem, defaultFrequencies.idf(stem)), lexicon.spelling(lower),
        lexicon.spelling(singular));
  }

  private boolean isStop(String lower) {
    if (lower.length() < 2 || stopWords.contains(lower)) {
      return true;
    }
    boolean hasLetter = false;
    for (int i = 0; i < lower.length() && !hasLetter; i++) {
      hasLetter = Character.isLetter(lower.charAt(i));
    }
    if (!hasLetter) {
      return true; // numbers and measurements
    }
    return lower.length() > 4 && lower.endsWith("ly") && lower.indexOf('-') < 0 && !LY_NOUNS.contains(lower);
  }
}
