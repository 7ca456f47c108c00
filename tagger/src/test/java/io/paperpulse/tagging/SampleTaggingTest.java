package io.paperpulse.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.schema.Tag;
import io.paperpulse.schema.TagKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleTaggingTest {
  private final PaperTagger tagger = PaperTagger.withDefaultTaxonomy();

  @Test
  void everySamplePaperGetsAtLeastTwoTopics() throws Exception {
    List<SamplePapers.Paper> papers = SamplePapers.load();
    assertThat(papers).hasSize(48);
    for (SamplePapers.Paper paper : papers) {
      List<Tag> tags = tagger.tag(paper.title(), paper.abstractText());
      // Printed for a human read of the tags (target/surefire-reports/*-output.txt).
      System.out.println(paper.title());
      for (Tag tag : tags) {
        System.out.printf("    %-9s %-45s %.2f%n", tag.getKind(), tag.getName(), tag.getScore());
      }
      assertThat(tags.stream().filter(t -> t.getKind() == TagKind.TOPIC).count())
          .as("topics of '%s': %s", paper.title(), tags)
          .isGreaterThanOrEqualTo(2);
      assertThat(tags.stream().filter(t -> t.getKind() == TagKind.KEYPHRASE).count())
          .as("keyphrases of '%s'", paper.title())
          .isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void taggingIsFastEnoughForTheStream() throws Exception {
    List<SamplePapers.Paper> papers = SamplePapers.load();
    for (int warm = 0; warm < 50; warm++) {
      for (SamplePapers.Paper p : papers) {
        tagger.tag(p.title(), p.abstractText());
      }
    }
    int rounds = 50;
    long start = System.nanoTime();
    for (int r = 0; r < rounds; r++) {
      for (SamplePapers.Paper p : papers) {
        tagger.tag(p.title(), p.abstractText());
      }
    }
    double perSecond = rounds * papers.size() / ((System.nanoTime() - start) / 1e9);
    System.out.printf("tagging throughput on one thread: %.0f abstracts/s%n", perSecond);
    // Only a loose floor: the build machine is shared, timings swing widely. It still catches
    // per-call setup (loading resources, compiling the taxonomy) creeping into the hot path.
    assertThat(perSecond).isGreaterThan(100);
  }
}
