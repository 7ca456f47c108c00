package io.paperpulse.tagging.partofspeech;

/**
 * Parts of speech of English word forms from WordNet 3.1 and its SemCor sense counts: a form is
 * reduced to its possible lemmas with WordNet's detachment rules and irregular-form lists, and each
 * lemma's parts of speech and counts are looked up.
 *
 * <p>Out of context by design: the extractor derives a word's reading once per distinct word and
 * keeps it with the word's number, and it resolves the ambiguous -s forms ("rises": plural noun or
 * verb) from their neighbours. A statistical tagger over every token would cost more than the whole
 * extraction does today.
 *
 * <p>Immutable and thread-safe; the data is loaded once per JVM.
 */
public final class PartOfSpeechLexicon {
  private static final String[][] NOUN_SUFFIXES = {
    {"s", ""},
    {"ses", "s"},
    {"xes", "x"},
    {"zes", "z"},
    {"ches", "ch"},
    {"shes", "sh"},
    {"men", "man"},
    {"ies", "y"}
  };
  private static final String[][] THIRD_PERSON_SUFFIXES = {
    {"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}
  };
  private static final String[][] PARTICIPLE_SUFFIXES = {
    {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}
  };
  private static final String[][] ADJECTIVE_SUFFIXES = {
    {"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}
  };

  private static final PartOfSpeechLexicon SHARED = new PartOfSpeechLexicon();

  private PartOfSpeechLexicon() {}

  /**
   * The lexicon; WordNet's data is read when a word is first read (or {@link #loadInBackground}).
   */
  public static PartOfSpeechLexicon shared() {
    return SHARED;
  }

  /**
   * Starts reading WordNet's data on a daemon thread, so that a process goes on starting (joining
   * its group, restoring its state) while it loads; the first reading of a word waits for it.
   */
  public static void loadInBackground() {
    Thread load = new Thread(PartOfSpeechLexicon::counts, "wordnet-load");
    load.setDaemon(true);
    load.start();
  }

  /** Read once per JVM, by whichever thread needs it first; the others wait for it. */
  private static final class Loaded {
    static final WordNetCounts COUNTS = WordNetCounts.load();
  }

  private static WordNetCounts counts() {
    return Loaded.COUNTS;
  }

  /**
   * The reading of a lower-case word form. A hyphenated compound that WordNet does not list reads
   * as its last part ("three-player" as "player").
   */
  public WordReading read(String lower) {
    int hyphen = lower.lastIndexOf('-');
    if (hyphen >= 0 && hyphen < lower.length() - 1) {
      WordReading whole = readWord(lower);
      return whole.known() ? whole : read(lower.substring(hyphen + 1));
    }
    return readWord(lower);
  }

  private WordReading readWord(String form) {
    int noun =
        Math.max(
            counts().weight(form, WordNetCounts.NOUN),
            bestBase(form, NOUN_SUFFIXES, WordNetCounts.NOUN));
    for (String base : counts().irregularBases(form, WordNetCounts.NOUN)) {
      noun = Math.max(noun, counts().weight(base, WordNetCounts.NOUN));
    }
    int baseVerb = counts().weight(form, WordNetCounts.VERB);
    int thirdPerson = bestBase(form, THIRD_PERSON_SUFFIXES, WordNetCounts.VERB);
    int participle = bestBase(form, PARTICIPLE_SUFFIXES, WordNetCounts.VERB);
    participle = Math.max(participle, doubledConsonantParticiple(form));
    for (String base : counts().irregularBases(form, WordNetCounts.VERB)) {
      participle = Math.max(participle, counts().weight(base, WordNetCounts.VERB));
    }
    int verb = Math.max(baseVerb, Math.max(thirdPerson, participle));
    int adjective =
        Math.max(
            counts().weight(form, WordNetCounts.ADJECTIVE),
            bestBase(form, ADJECTIVE_SUFFIXES, WordNetCounts.ADJECTIVE));
    for (String base : counts().irregularBases(form, WordNetCounts.ADJECTIVE)) {
      adjective = Math.max(adjective, counts().weight(base, WordNetCounts.ADJECTIVE));
    }
    int adverb = counts().weight(form, WordNetCounts.ADVERB);
    boolean known = noun > 0 || verb > 0 || adjective > 0 || adverb > 0;
    if (!known) {
      // Not in WordNet: a term, name or acronym, read as a noun unless its ending says otherwise.
      boolean pastForm = form.length() > 4 && form.endsWith("ed");
      return new WordReading(pastForm ? 0 : 1, pastForm ? 1 : 0, 0, 0, pastForm, false, false);
    }
    return new WordReading(
        noun,
        verb,
        adjective,
        adverb,
        participle > 0 && participle >= baseVerb,
        thirdPerson > 0 && thirdPerson >= baseVerb,
        true);
  }

  /** "stopped" and "running" reduce to "stop" and "run". */
  private int doubledConsonantParticiple(String form) {
    for (String suffix : new String[] {"ed", "ing"}) {
      int stem = form.length() - suffix.length();
      if (form.endsWith(suffix) && stem >= 3 && form.charAt(stem - 1) == form.charAt(stem - 2)) {
        return counts().weight(form.substring(0, stem - 1), WordNetCounts.VERB);
      }
    }
    return 0;
  }

  private int bestBase(String form, String[][] suffixes, int pos) {
    int best = 0;
    for (String[] rule : suffixes) {
      if (form.length() > rule[0].length() + 1 && form.endsWith(rule[0])) {
        String base = form.substring(0, form.length() - rule[0].length()) + rule[1];
        best = Math.max(best, counts().weight(base, pos));
      }
    }
    return best;
  }
}
