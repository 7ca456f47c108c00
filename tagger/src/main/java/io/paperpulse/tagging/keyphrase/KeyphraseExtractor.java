package io.paperpulse.tagging.keyphrase;

import io.paperpulse.tagging.text.PorterStems;
import io.paperpulse.tagging.text.TokenizedText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * <p>Thread-safe: all state is read-only after construction.
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
    List<Word> words = new ArrayList<>();
    collectWords(title, true, words);
    collectWords(body, false, words);
    if (words.isEmpty() || limit <= 0) {
      return List.of();
    }
    Map<String, Double> stemWeight = new HashMap<>();
    for (Word w : words) {
      if (!w.stop) {
        stemWeight.merge(w.stem, w.inTitle ? 1.0 + settings.titleBoost() : 1.0, Double::sum);
      }
    }
    Map<String, Candidate> candidates = new HashMap<>();
    int total = words.size();
    int runStart = -1;
    for (int i = 0; i <= total; i++) {
      boolean endsRun = i == total || words.get(i).stop || (runStart >= 0 && words.get(i).breakBefore);
      if (endsRun) {
        if (runStart >= 0) {
          addRun(words, runStart, i, total, candidates);
        }
        runStart = i < total && !words.get(i).stop ? i : -1;
      } else if (runStart < 0) {
        runStart = i;
      }
    }
    List<Keyphrase> scored = new ArrayList<>(candidates.size());
    for (Candidate c : candidates.values()) {
      if (c.allGeneric) {
        continue;
      }
      double sum = 0;
      for (String stem : c.stemList) {
        sum += stemWeight.get(stem) * frequencies.idf(stem);
      }
      double position = 1.0 + settings.positionDecay() * (1.0 - (double) c.firstPosition / total);
      scored.add(new Keyphrase(c.bestName(), c.key, sum * position));
    }
    scored.sort(Comparator.comparingDouble(Keyphrase::score).reversed().thenComparing(Keyphrase::name));
    return scored.size() > limit ? List.copyOf(scored.subList(0, limit)) : List.copyOf(scored);
  }

  /** The distinct stems of the paper's content words: what a document-frequency table counts. */
  public Set<String> contentStems(TokenizedText title, TokenizedText body) {
    List<Word> words = new ArrayList<>();
    collectWords(title, true, words);
    collectWords(body, false, words);
    Set<String> out = new HashSet<>();
    for (Word w : words) {
      if (!w.stop) {
        out.add(w.stem);
      }
    }
    return out;
  }

  private void addRun(List<Word> words, int from, int to, int total, Map<String, Candidate> candidates) {
    int length = to - from;
    int max = settings.maxWords();
    if (length <= max) {
      addCandidate(words, from, to, candidates);
      return;
    }
    for (int start = from; start + max <= to; start++) {
      addCandidate(words, start, start + max, candidates);
    }
  }

  private void addCandidate(List<Word> words, int from, int to, Map<String, Candidate> candidates) {
    StringBuilder key = new StringBuilder();
    StringBuilder name = new StringBuilder();
    boolean allGeneric = true;
    List<String> stemList = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      Word w = words.get(i);
      if (i > from) {
        key.append(' ');
        name.append(' ');
      }
      key.append(w.stem);
      name.append(i == to - 1 ? w.singular : w.lower);
      allGeneric &= w.generic;
      stemList.add(w.stem);
    }
    String k = key.toString();
    Candidate c = candidates.get(k);
    if (c == null) {
      c = new Candidate(k, stemList, from, allGeneric);
      candidates.put(k, c);
    }
    c.names.merge(name.toString(), 1, Integer::sum);
  }

  private void collectWords(TokenizedText text, boolean inTitle, List<Word> out) {
    int n = text.size();
    int i = 0;
    while (i < n) {
      int end = i + 1;
      while (end < n && text.hyphenBefore(end)) {
        end++;
      }
      String lower;
      String singular;
      if (end == i + 1) {
        lower = text.surface(i).toLowerCase(Locale.ROOT);
        singular = text.singular(i);
      } else {
        StringBuilder b = new StringBuilder();
        for (int k = i; k < end - 1; k++) {
          b.append(text.surface(k).toLowerCase(Locale.ROOT)).append('-');
        }
        lower = b + text.surface(end - 1).toLowerCase(Locale.ROOT);
        singular = b + text.singular(end - 1);
      }
      boolean breakBefore = text.phraseBreakBefore(i) || out.isEmpty() || (inTitle != out.get(out.size() - 1).inTitle);
      out.add(new Word(lower, singular, stems.stem(lower), inTitle, breakBefore,
          isStop(lower), genericWords.contains(singular)));
      i = end;
    }
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

  private record Word(
      String lower, String singular, String stem, boolean inTitle, boolean breakBefore,
      boolean stop, boolean generic) {}

  private static final class Candidate {
    final String key;
    final List<String> stemList;
    final int firstPosition;
    final boolean allGeneric;
    final Map<String, Integer> names = new HashMap<>(4);

    Candidate(String key, List<String> stemList, int firstPosition, boolean allGeneric) {
      this.key = key;
      this.stemList = stemList;
      this.firstPosition = firstPosition;
      this.allGeneric = allGeneric;
    }

    /** Most frequent spelling; ties go to the alphabetically first, so the result is stable. */
    String bestName() {
      String best = null;
      int bestCount = 0;
      for (Map.Entry<String, Integer> e : names.entrySet()) {
        if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey().compareTo(best) < 0)) {
          best = e.getKey();
          bestCount = e.getValue();
        }
      }
      return best;
    }
  }
}
