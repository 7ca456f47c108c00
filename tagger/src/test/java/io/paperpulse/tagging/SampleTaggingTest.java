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
}
