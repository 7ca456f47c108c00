package io.paperpulse.tagging.keyphrase;

import io.paperpulse.tagging.partofspeech.PartOfSpeechLexicon;
import io.paperpulse.tagging.partofspeech.WordReading;
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
 * Statistical keyphrase extraction from a title and abstract.
 *
 * <p>Candidates are the noun phrases of the text ({@link NounPhrases}), found with each word's
 * parts of speech from a lexicon ({@link PartOfSpeechFlags}); stop words, punctuation, numbers,
 * units and -ly adverbs bound them (hyphenated compounds count as one word). Each word stem scores
 * its frequency in the paper (title occurrences weigh more) times its inverse document frequency in
 * a reference corpus; a candidate scores the sum of its words, damped by its length and scaled up
 * when it appears early. Variants of a phrase (plurals, "modeling"/"models") share a Porter-stem
 * key. Candidates made only of generic words ("method", "results", "performance") are dropped, and
 * a candidate inside a better ranked one (or containing it) gives way to it. With a {@link
 * KeyphraseRanker} (the shipped tagger has one) the ranking is the ranker's probability over that
 * score and a few other features of the candidate (occurrences, spread, title, shape).
 *
 * <p>Fast path: what the extractor derives from a word (stem, stop, generic, modifier and
 * part-of-speech flags, spellings) is computed once per distinct word and kept in {@link
 * FeatureColumns} indexed by word number, an annex of the tokenizer's {@link Vocabulary}, with
 * stems and spellings numbered by the thread's {@link Lexicon}; stems and candidates of the paper
 * live in a per-thread {@link Workspace} of primitive arrays; names are only built for the
 * candidates that make the top of the ranking.
 *
 * <p>Thread-safe: configuration is read-only after construction, working state is per thread.
 */
public final class KeyphraseExtractor {
  private static final Set<String> LY_NOUNS =
      Set.of(
          "anomaly",
          "assembly",
          "family",
          "supply",
          "monopoly",
          "italy",
          "reply",
          "poly",
          "rely",
          "ply",
          "apply",
          "multiply",
          "fly",
          "butterfly",
          "jelly",
          "belly",
          "ally",
          "rally",
          "bully");

  /** Words this many positions apart or closer are linked in the co-occurrence graph. */
  private static final int GRAPH_WINDOW = 10;

  private static final int GRAPH_ITERATIONS = 15;

  private final PorterStems stems;
  private final PartOfSpeechLexicon partsOfSpeech;
  private final Set<String> stopWords;
  private final Set<String> weakModifiers;
  private final Set<String> notationWords;
  private final Set<String> verbCues;
  private final Set<String> genericWords;
  private final DocumentFrequencies defaultFrequencies;
  private final KeyphraseSettings settings;
  private final KeyphraseRanker ranker;
  private final KeyphrasePriors priors;

  private final NounPhrases nounPhrases;
  private final double[] dampedFrequencies = new double[64];
  private final Acronyms acronyms = new Acronyms();
  private final ThreadLocal<Workspace> workspaces = ThreadLocal.withInitial(Workspace::new);

  /**
   * @param stopWords words that never enter a candidate
   * @param weakModifiers adjectives that may open a candidate, which is then also a candidate
   *     without them ("high voltage", "voltage")
   * @param notationWords units and mathematical notation ("cm", "min", "hat", "mathrm"): never part
   *     of a candidate either, listed apart because they are no English function words
   * @param verbCues stop words that follow verbs rather than nouns (determiners, pronouns)
   * @param genericWords words that make no keyphrase alone or together ("method", "results")
   * @param ranker ranks the candidates on their features, the hand-fitted score being one of them;
   *     {@code null} ranks them by the hand-fitted score alone
   */
  public KeyphraseExtractor(
      PorterStems stems,
      PartOfSpeechLexicon partsOfSpeech,
      Set<String> stopWords,
      Set<String> weakModifiers,
      Set<String> notationWords,
      Set<String> verbCues,
      Set<String> genericWords,
      DocumentFrequencies defaultFrequencies,
      KeyphraseSettings settings,
      KeyphraseRanker ranker) {
    this.ranker = ranker;
    this.priors = ranker == null ? KeyphrasePriors.NONE : ranker.priors();
    this.stems = stems;
    this.partsOfSpeech = partsOfSpeech;
    this.stopWords = Set.copyOf(stopWords);
    this.weakModifiers = Set.copyOf(weakModifiers);
    this.notationWords = Set.copyOf(notationWords);
    this.verbCues = Set.copyOf(verbCues);
    this.genericWords = Set.copyOf(genericWords);
    this.defaultFrequencies = defaultFrequencies;
    this.settings = settings;
    this.nounPhrases = new NounPhrases(settings);
    for (int w = 0; w < dampedFrequencies.length; w++) {
      dampedFrequencies[w] = Math.pow(w, settings.termFrequencyExponent());
    }
  }

  public List<Keyphrase> extract(TokenizedText title, TokenizedText body, int limit) {
    return extract(title, body, limit, defaultFrequencies);
  }

  /** As {@link #extract(TokenizedText, TokenizedText, int)} with other document frequencies. */
  public List<Keyphrase> extract(
      TokenizedText title, TokenizedText body, int limit, DocumentFrequencies frequencies) {
    if (limit <= 0) {
      return List.of();
    }
    Workspace words = score(title, body, frequencies);
    if (words == null) {
      return List.of();
    }
    double[] scores = words.candidateScores();
    if (ranker != null) {
      for (int c = 0; c < words.candidates.size(); c++) {
        if (scores[c] != Double.NEGATIVE_INFINITY) {
          features(words, c, scores[c], words.features);
          scores[c] = ranker.probability(words.features);
        }
      }
    }
    return top(words, scores, limit, settings);
  }

  /**
   * A candidate of a paper, named as a keyphrase would be, its stem key ({@link Keyphrase#key()})
   * and its {@link KeyphraseRanker} features.
   */
  public record CandidateFeatures(String name, String key, double[] features) {}

  /**
   * Every candidate of the paper that can become a keyphrase, with the features the ranker reads:
   * what a ranker is fitted on.
   */
  public List<CandidateFeatures> candidateFeatures(
      TokenizedText title, TokenizedText body, DocumentFrequencies frequencies) {
    Workspace words = score(title, body, frequencies);
    if (words == null) {
      return List.of();
    }
    double[] scores = words.candidateScores();
    List<CandidateFeatures> out = new ArrayList<>();
    for (int c = 0; c < words.candidates.size(); c++) {
      if (scores[c] != Double.NEGATIVE_INFINITY) {
        double[] features = new double[KeyphraseRanker.FEATURES.size()];
        features(words, c, scores[c], features);
        int from = words.candidates.start(c);
        out.add(
            new CandidateFeatures(
                bestName(words, c), words.key(from, words.candidates.length(c)), features));
      }
    }
    return out;
  }

  /**
   * Reads the paper into the thread's workspace and gives each candidate its hand-fitted score
   * ({@link Workspace#candidateScores()}; minus infinity for those that cannot be keyphrases), or
   * returns null for a paper without words.
   */
  private Workspace score(
      TokenizedText title, TokenizedText body, DocumentFrequencies frequencies) {
    Workspace words = workspaces.get();
    words.clear();
    collectWords(title, true, words);
    collectWords(body, false, words);
    if (words.size() == 0) {
      return null;
    }
    StemTable stems = words.stems;
    CandidateTable candidates = words.candidates;
    int total = words.size();
    acronyms.link(words, 1.0 + settings.titleBoost());
    nounPhrases.collect(words);
    double[] stemScores = words.stemScores();
    boolean defaultTable = frequencies == defaultFrequencies;
    for (int s = 0; s < stems.size(); s++) {
      double idf =
          defaultTable
              ? stems.defaultIdf(s, words.lexicon())
              : frequencies.idf(stems.stem(s, words.lexicon()));
      double frequency = dampedFrequency(stems.weight(s));
      stemScores[s] = frequency * idf * words.everydayFactor(s);
    }
    if (settings.graphWeight() != 0) {
      double[] ranks = words.cooccurrenceRanks(GRAPH_WINDOW, GRAPH_ITERATIONS);
      for (int s = 0; s < stems.size(); s++) {
        stemScores[s] *= Math.pow(ranks[s], settings.graphWeight());
      }
    }
    double[] scores = words.candidateScores();
    for (int c = 0; c < candidates.size(); c++) {
      if (candidates.allGeneric(c)
          || (candidates.length(c) == 1
              && words.linkedAcronym(words.stemIndex(candidates.start(c))))) {
        // A defined acronym alone is its long form, which is a candidate of its own.
        scores[c] = Double.NEGATIVE_INFINITY;
        continue;
      }
      int from = candidates.start(c);
      double sum = 0;
      int contentWords = 0;
      for (int k = 0; k < candidates.length(c); k++) {
        int stem = words.stemIndex(from + k);
        if (stem >= 0) {
          sum += stemScores[stem];
          contentWords++;
        }
      }
      if (settings.lengthExponent() != 0 && contentWords > 1) {
        sum /= Math.pow(contentWords, settings.lengthExponent());
      }
      double position = 1.0 + settings.positionDecay() * (1.0 - (double) from / total);
      scores[c] = sum * position * shapeFactor(words, from, candidates.length(c));
    }
    return words;
  }

  /** The {@link KeyphraseRanker#FEATURES} of candidate {@code c} into {@code out}. */
  private static void features(Workspace words, int c, double score, double[] out) {
    CandidateTable candidates = words.candidates;
    double total = words.size();
    int from = candidates.start(c);
    int len = candidates.length(c);
    int head = words.stemIndex(from + len - 1);
    out[KeyphraseRanker.LOG_SCORE] = Math.log(Math.max(score, 1e-9));
    out[KeyphraseRanker.LOG_OCCURRENCES] = Math.log(candidates.occurrences(c));
    out[KeyphraseRanker.FIRST_POSITION] = from / total;
    out[KeyphraseRanker.SPREAD] = (candidates.last(c) - from) / total;
    out[KeyphraseRanker.WORDS] = len;
    out[KeyphraseRanker.SINGLE_WORD] = len == 1 ? 1 : 0;
    out[KeyphraseRanker.LONG_PHRASE] = len >= 4 ? 1 : 0;
    out[KeyphraseRanker.IN_TITLE] = words.inTitle(from) ? 1 : 0;
    out[KeyphraseRanker.HEAD_EVERYDAY] = head >= 0 ? words.everydayFactor(head) : 1;
    out[KeyphraseRanker.ACRONYM] = len == 1 && words.has(from, FeatureColumns.ACRONYM) ? 1 : 0;
    out[KeyphraseRanker.ADJECTIVE_FIRST] = words.has(from, FeatureColumns.ADJECTIVE) ? 1 : 0;
    out[KeyphraseRanker.MODIFIER_END] = words.modifier(from + len - 1) ? 1 : 0;
    out[KeyphraseRanker.WEAK_FIRST] = words.has(from, FeatureColumns.WEAK) ? 1 : 0;
    double stemPriors = 0;
    int stems = 0;
    for (int k = 0; k < len; k++) {
      int stem = words.stemIndex(from + k);
      if (stem >= 0) {
        stemPriors += words.stems.stemPrior(stem, words.lexicon());
        stems++;
      }
    }
    out[KeyphraseRanker.STEM_PRIOR] = stems == 0 ? 0 : stemPriors / stems;
  }

  /**
   * {@code weight} to the power {@link KeyphraseSettings#termFrequencyExponent()}. Weights are sums
   * of 1 (abstract) and 1 + titleBoost (title), whole numbers with the default boost, so the small
   * ones come from a table computed at construction: the same values without a pow per stem.
   */
  private double dampedFrequency(double weight) {
    int whole = (int) weight;
    if (whole == weight && whole < dampedFrequencies.length) {
      return dampedFrequencies[whole];
    }
    return Math.pow(weight, settings.termFrequencyExponent());
  }

  /**
   * Down-weights single words (but acronyms) and phrases that end in an adjective: keyphrases are
   * mostly noun phrases.
   */
  private double shapeFactor(Workspace words, int from, int length) {
    double factor =
        length == 1
            ? (words.has(from, FeatureColumns.ACRONYM)
                ? settings.acronymFactor()
                : settings.singleWordFactor())
            : 1.0;
    return words.modifier(from + length - 1) ? factor * settings.modifierEndFactor() : factor;
  }

  /**
   * The {@code limit} best candidates by score, ties by name. Only candidates scoring at least the
   * limit-th best score get a name: usually exactly {@code limit} of them. When nested candidates
   * collapse, a few more are named so that the dropped ones can be replaced.
   */
  private static List<Keyphrase> top(
      Workspace words, double[] scores, int limit, KeyphraseSettings settings) {
    KeyphraseSettings.Nesting nesting = settings.nesting();
    CandidateTable candidates = words.candidates;
    int named = nesting == KeyphraseSettings.Nesting.KEEP ? limit : 2 * limit + 2;
    double threshold = limitThBest(scores, candidates.size(), named);
    if (threshold == Double.NEGATIVE_INFINITY) {
      threshold = -Double.MAX_VALUE; // fewer real candidates than the limit: keep them all
    }
    List<Ranked> chosen = new ArrayList<>(named + 2);
    for (int c = 0; c < candidates.size(); c++) {
      if (scores[c] >= threshold) {
        int from = candidates.start(c);
        int len = candidates.length(c);
        chosen.add(
            new Ranked(
                new Keyphrase(bestName(words, c), words.key(from, len), scores[c]), from, len));
      }
    }
    chosen.sort(Comparator.comparing(Ranked::keyphrase, BY_SCORE_THEN_NAME));
    List<Keyphrase> out = new ArrayList<>(limit);
    List<Ranked> kept = new ArrayList<>(limit);
    for (Ranked r : chosen) {
      if (out.size() == limit) {
        break;
      }
      if (nesting != KeyphraseSettings.Nesting.KEEP && nestedInKept(words, r, kept, settings)) {
        continue;
      }
      kept.add(r);
      out.add(r.keyphrase());
    }
    return List.copyOf(out);
  }

  private record Ranked(Keyphrase keyphrase, int start, int length) {}

  /**
   * True when {@code r} lies inside, or contains, a better ranked candidate already kept, or is a
   * near duplicate of one (see {@link KeyphraseSettings#nearDuplicateShare()}).
   */
  private static boolean nestedInKept(
      Workspace words, Ranked r, List<Ranked> kept, KeyphraseSettings settings) {
    KeyphraseSettings.Nesting nesting = settings.nesting();
    for (Ranked k : kept) {
      Ranked shorter = r.length() <= k.length() ? r : k;
      Ranked longer = shorter == r ? k : r;
      if (shorter.length() > 1
          && sharedStems(words, shorter, longer)
              >= settings.nearDuplicateShare() * shorter.length()) {
        return true;
      }
      if (shorter.length() == longer.length()) {
        continue; // distinct candidates of equal length never contain one another
      }
      if (shorter.length() == 1 && nesting == KeyphraseSettings.Nesting.COLLAPSE_PHRASES) {
        continue;
      }
      if (words.containsStems(longer.start(), longer.length(), shorter.start(), shorter.length())) {
        return true;
      }
    }
    return false;
  }

  /**
   * How many words of {@code a} have their stem somewhere in {@code b}. An acronym defined in the
   * text stands for its long form: "KV" of "KV cache" is found in "key-value cache" and "key-value"
   * in "KV cache compression".
   */
  private static int sharedStems(Workspace words, Ranked a, Ranked b) {
    int shared = 0;
    for (int x = 0; x < a.length(); x++) {
      int stem = words.stemIndex(a.start() + x);
      if (stem < 0) {
        continue;
      }
      boolean found = in(words, stem, b);
      if (!found && words.linkedAcronym(stem)) {
        found = true;
        int from = words.longFormStart(stem);
        for (int k = 0; k < words.longFormLength(stem) && found; k++) {
          found = in(words, words.stemIndex(from + k), b);
        }
      }
      if (found) {
        shared++;
      }
    }
    return shared;
  }

  /**
   * True when {@code stem} is one of the stems of {@code r}, or of the long forms of its acronyms.
   */
  private static boolean in(Workspace words, int stem, Ranked r) {
    for (int y = 0; y < r.length(); y++) {
      int other = words.stemIndex(r.start() + y);
      if (other == stem) {
        return true;
      }
      if (words.linkedAcronym(other)) {
        int from = words.longFormStart(other);
        for (int k = 0; k < words.longFormLength(other); k++) {
          if (words.stemIndex(from + k) == stem) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static final Comparator<Keyphrase> BY_SCORE_THEN_NAME =
      Comparator.comparingDouble(Keyphrase::score).reversed().thenComparing(Keyphrase::name);

  /**
   * The {@code limit}-th largest of {@code scores[0, n)} (counting repeats), or the smallest when n
   * < limit.
   */
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
          if (Acronyms.looksLikeOne(w.surface())
              && (words.flags(word) & FeatureColumns.STOP) == 0) {
            words.set(
                word,
                words.flags(word) | FeatureColumns.ACRONYM,
                words.stem(word),
                words.lower(word),
                words.singular(word));
          }
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

  /**
   * This extractor's features of the words of {@code vocabulary}, kept with it on the vocabulary's
   * thread.
   */
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

  /**
   * Number of a hyphenated compound such as "three-player" in the lexicon, its features derived.
   */
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
      derive(
          lower,
          spelling.append(text.word(end - 1).singular()).toString(),
          lexicon,
          lexicon.compounds,
          compound);
    }
    return compound;
  }

  /**
   * Derives the features of the word spelled {@code lower} and {@code singular} into {@code into}
   * at {@code at}.
   */
  private void derive(String lower, String singular, Lexicon lexicon, FeatureColumns into, int at) {
    // The plural of a listed word is listed too: a candidate's name ends on the singular, and
    // "privacy concerns" would otherwise be named with the stop word "concern".
    boolean weak = weakModifiers.contains(lower);
    if (!weak && (isStop(lower) || (!singular.equals(lower) && stopWords.contains(singular)))) {
      int flags = FeatureColumns.KNOWN | FeatureColumns.STOP;
      if (lower.equals("of")) {
        int of = lexicon.spelling(lower);
        into.set(at, flags | FeatureColumns.OF, -1, of, of);
        return;
      }
      if (verbCues.contains(lower) || isAdverb(lower)) {
        flags |= FeatureColumns.VERB_CUE;
      }
      if (isAdverb(lower)) {
        flags |= FeatureColumns.SUBJECT_CUE; // "jointly train", "directly exchange"
      }
      flags |= PartOfSpeechFlags.ofStopWord(lower);
      into.set(at, flags, -1, -1, -1);
      return;
    }
    String stem = stems.stem(lower);
    WordReading reading = partsOfSpeech.read(lower);
    int flags = FeatureColumns.KNOWN | PartOfSpeechFlags.of(reading, lower);
    if (!lower.equals(singular)) {
      flags |= FeatureColumns.PLURAL;
    }
    if (weak) {
      flags |= FeatureColumns.WEAK;
    }
    if (genericWords.contains(singular)) {
      flags |= FeatureColumns.GENERIC;
    }
    if (ModifierEndings.matches(lower)) {
      flags |= FeatureColumns.MODIFIER;
    }
    into.set(
        at,
        flags,
        lexicon.stem(stem, defaultFrequencies.idf(stem), priors.stemPrior(stem)),
        lexicon.spelling(lower),
        lexicon.spelling(singular));
    into.setEverydayFactor(at, everydayFactor(reading));
  }

  /**
   * How much a word keeps of its score given how common it is in everyday English: SemCor counts
   * stand in for the frequencies of a large general corpus, which the document frequencies of a
   * thousand abstracts cannot give for rare words.
   */
  private double everydayFactor(WordReading reading) {
    if (settings.everydayWordExponent() == 0) {
      return 1.0;
    }
    double weight =
        1.0
            + reading.nounWeight()
            + reading.verbWeight()
            + reading.adjectiveWeight()
            + reading.adverbWeight();
    return Math.pow(1.0 + Math.log(weight), -settings.everydayWordExponent());
  }

  private boolean isStop(String lower) {
    if (lower.length() < 2 || stopWords.contains(lower) || notationWords.contains(lower)) {
      return true;
    }
    if (Character.isDigit(lower.charAt(0)) && !isDimension(lower)) {
      return true; // numbers, measurements ("5cm", "25m") and their fragments
    }
    boolean hasLetter = false;
    for (int i = 0; i < lower.length() && !hasLetter; i++) {
      hasLetter = Character.isLetter(lower.charAt(i));
    }
    if (!hasLetter) {
      return true;
    }
    return isAdverb(lower);
  }

  /** "2d", "3d": a number of dimensions is part of a term ("3d rendering"), not a measurement. */
  private static boolean isDimension(String lower) {
    int last = lower.length() - 1;
    if (last < 1 || lower.charAt(last) != 'd') {
      return false;
    }
    for (int i = 0; i < last; i++) {
      if (!Character.isDigit(lower.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAdverb(String lower) {
    return lower.length() > 4
        && lower.endsWith("ly")
        && lower.indexOf('-') < 0
        && !LY_NOUNS.contains(lower);
  }
}
