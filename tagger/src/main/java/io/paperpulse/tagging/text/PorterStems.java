package io.paperpulse.tagging.text;

import java.util.concurrent.ConcurrentHashMap;
import org.tartarus.snowball.ext.PorterStemmer;

/**
 * Porter stems of lower-case words, with a bounded shared cache.
 *
 * <p>Stems group the variants of a keyphrase ("modeling", "models", "model") and are what the
 * Inspec protocol matches on. The Snowball stemmer is stateful, so each thread gets its own; the
 * cache turns the common case (a word seen before) into one hash lookup. It stops growing at a
 * fixed size so that a stream of unusual words cannot exhaust memory.
 */
public final class PorterStems {
  private static final int MAX_CACHED = 200_000;

  private final ThreadLocal<PorterStemmer> stemmers = ThreadLocal.withInitial(PorterStemmer::new);
  private final ConcurrentHashMap<String, String> cache = new ConcurrentHashMap<>(8192);
  private final ConcurrentHashMap<String, String> canonicalStems = new ConcurrentHashMap<>(8192);

  /** Stem of a lower-case word; hyphenated compounds are stemmed part by part. */
  public String stem(String lowerCaseWord) {
    String cached = cache.get(lowerCaseWord);
    if (cached != null) {
      return cached;
    }
    String stem =
        lowerCaseWord.indexOf('-') >= 0 ? stemCompound(lowerCaseWord) : stemWord(lowerCaseWord);
    if (cache.size() < MAX_CACHED) {
      // One instance per distinct stem ("models" and "modeling" share "model"'s): callers that
      // number stems usually settle equality with a reference comparison.
      String canonical = canonicalStems.putIfAbsent(stem, stem);
      stem = canonical == null ? stem : canonical;
      cache.putIfAbsent(lowerCaseWord, stem);
    }
    return stem;
  }

  private String stemWord(String word) {
    PorterStemmer stemmer = stemmers.get();
    stemmer.setCurrent(word);
    stemmer.stem();
    return stemmer.getCurrent();
  }

  private String stemCompound(String word) {
    StringBuilder out = new StringBuilder(word.length());
    int start = 0;
    while (start <= word.length()) {
      int dash = word.indexOf('-', start);
      int end = dash < 0 ? word.length() : dash;
      if (out.length() > 0) {
        out.append('-');
      }
      out.append(stemWord(word.substring(start, end)));
      if (dash < 0) {
        break;
      }
      start = dash + 1;
    }
    return out.toString();
  }
}
