package io.paperpulse.bench.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic papers that the tagger has not seen as a whole: each abstract strings together
 * sentences drawn from different sample abstracts, and each title is a sample title. The sentences
 * are real prose, so the vocabulary, sentence lengths and topic density stay realistic while the
 * texts (and therefore the per-text caches and branch patterns) vary. Seeded: the same count always
 * yields the same papers.
 */
public final class GeneratedCorpus {
  private static final long SEED = 20241211L;
  private static final int MIN_SENTENCES = 5;
  private static final int MAX_SENTENCES = 10;

  private GeneratedCorpus() {}

  public static List<Paper> papers(List<Paper> sample, int count) {
    List<String> sentences = new ArrayList<>();
    for (Paper p : sample) {
      for (String s : p.abstractText().split("(?<=[.!?])\\s+(?=[A-Z])")) {
        sentences.add(s);
      }
    }
    Random random = new Random(SEED);
    List<Paper> papers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int length = MIN_SENTENCES + random.nextInt(MAX_SENTENCES - MIN_SENTENCES + 1);
      StringBuilder text = new StringBuilder();
      for (int k = 0; k < length; k++) {
        if (k > 0) {
          text.append(' ');
        }
        text.append(sentences.get(random.nextInt(sentences.size())));
      }
      papers.add(new Paper(sample.get(random.nextInt(sample.size())).title(), text.toString()));
    }
    return List.copyOf(papers);
  }
}
