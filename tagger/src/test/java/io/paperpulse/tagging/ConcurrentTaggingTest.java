package io.paperpulse.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.schema.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The tagger keeps per-thread caches and scratch space: threads sharing one tagger must see the
 * same tags.
 */
class ConcurrentTaggingTest {

  @Test
  void threadsSharingOneTaggerGetTheSingleThreadedTags() throws Exception {
    List<SamplePapers.Paper> papers = SamplePapers.load();
    PaperTagger alone = PaperTagger.withDefaultTaxonomy();
    List<List<Tag>> expected = new ArrayList<>();
    for (SamplePapers.Paper p : papers) {
      expected.add(alone.tag(p.title(), p.abstractText()));
    }
    PaperTagger shared = PaperTagger.withDefaultTaxonomy();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<List<Tag>>>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t * 11;
        runs.add(
            pool.submit(
                () -> {
                  List<List<Tag>> got = new ArrayList<>(papers.size());
                  for (int i = 0; i < papers.size(); i++) {
                    got.add(null);
                  }
                  for (int round = 0; round < 20; round++) {
                    for (int k = 0; k < papers.size(); k++) {
                      int i = (k + offset) % papers.size();
                      got.set(i, shared.tag(papers.get(i).title(), papers.get(i).abstractText()));
                    }
                  }
                  return got;
                }));
      }
      for (Future<List<List<Tag>>> run : runs) {
        assertThat(run.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
