package io.paperpulse.tagging.keyphrase;

import io.paperpulse.tagging.text.PorterStems;
import io.paperpulse.tagging.text.TokenizedText;
import io.paperpulse.tagging.text.Word;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
 * <p>Fast path: what the extractor derives from a word (stem, stop and generic flags, default
 * IDF) is computed once per distinct word and kept on the tokenizer's shared {@link Word};
 * stems and candidates of the paper live in a per-thread {@link Workspace} of primitive arrays;
 * names are only built for the candidates that make the top of the ranking.
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
  private static final int MAX_CACHED_COMPOUNDS = 100_000;

  private final ThreadLocal<Workspace> workspaces = ThreadLocal.withInitial(Workspace::new);
  private final ConcurrentHashMap<String, WordFeatures> compounds = new ConcurrentHashMap<>(1024);

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
    for (int i = 0; i < words.size(); i++) {
      if (words.stemIndex(i) >= 0) {
        stems.addWeight(words.stemIndex(i), words.inTitle(i) ? 1.0 + settings.titleBoost() : 1.0);
      }
    }
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
      double idf = defaultTable ? stems.defaultIdf(s) : frequencies.idf(stems.stem(s));
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
    return words.features(from + length - 1).modifier() ? factor * settings.modifierEndFactor() : factor;
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
      out.add(words.stems.stem(s));
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
    int n = text.size();
    int i = 0;
    while (i < n) {
      int end = i + 1;
      while (end < n && text.hyphenBefore(end)) {
        end++;
      }
      WordFeatures features = end == i + 1 ? featuresOf(text.word(i)) : compoundFeatures(text, i, end);
      out.add(features, inTitle, text.phraseBreakBefore(i));
      i = end;
    }
  }

  private WordFeatures featuresOf(Word word) {
    Word.Note known = word.note(this);
    if (known != null) {
      return (WordFeatures) known;
    }
    WordFeatures features = features(word.lower(), word.singular());
    word.attach(features);
    return features;
  }

  /** Features of a hyphenated compound such as "three-player", cached by its lower-case spelling. */
  private WordFeatures compoundFeatures(TokenizedText text, int from, int end) {
    StringBuilder spelling = new StringBuilder(64);
    for (int k = from; k < end - 1; k++) {
      spelling.append(text.word(k).lower()).append('-');
    }
    int prefixLength = spelling.length();
    String lower = spelling.append(text.word(end - 1).lower()).toString();
    WordFeatures known = compounds.get(lower);
    if (known != null) {
      return known;
    }
    spelling.setLength(prefixLength);
    WordFeatures features = features(lower, spelling.append(text.word(end - 1).singular()).toString());
    if (compounds.size() < MAX_CACHED_COMPOUNDS) {
      compounds.putIfAbsent(lower, features);
    }
    return features;
  }

  private WordFeatures features(String lower, String singular) {
    String stem = stems.stem(lower);
    boolean stop = isStop(lower);
    return new WordFeatures(this, lower, singular, stem, stop, genericWords.contains(singular),
        stop ? 0 : defaultFrequencies.idf(stem), ModifierEndings.matches(lower));
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
