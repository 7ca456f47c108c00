package io.paperpulse.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.schema.Tag;
import io.paperpulse.schema.TagKind;
import io.paperpulse.tagging.partofspeech.PartOfSpeechLexicon;
import io.paperpulse.tagging.text.WordList;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

  /**
   * The defects a keyphrase must not have: finite verbs inside phrases ("lowers", "treats"),
   * dangling function words, number and unit fragments, and one keyphrase inside another of the
   * same paper.
   */
  @Test
  void sampleKeyphrasesHaveNoVerbsFunctionWordsNumbersOrNesting() throws Exception {
    PaperTagger wide = PaperTagger.withDefaultTaxonomy(TaggerConfig.DEFAULT.withLimits(5, 10));
    Set<String> stopWords = WordList.load("/io/paperpulse/tagging/stop-words.txt");
    Set<String> notation = WordList.load("/io/paperpulse/tagging/notation-words.txt");
    PartOfSpeechLexicon lexicon = PartOfSpeechLexicon.shared();
    List<String> problems = new ArrayList<>();
    for (SamplePapers.Paper paper : SamplePapers.load()) {
      List<String> phrases =
          wide.tag(paper.title(), paper.abstractText()).stream()
              .filter(t -> t.getKind() == TagKind.KEYPHRASE)
              .map(t -> t.getName().toString())
              .toList();
      for (String phrase : phrases) {
        for (String word : phrase.split(" ")) {
          if (stopWords.contains(word)
              || notation.contains(word)
              || word.matches("\\d.*") && !word.matches("\\d+d")
              || lexicon.read(word).onlyFiniteVerb()) {
            problems.add(phrase + " (word '" + word + "')");
          }
        }
        for (String other : phrases) {
          if (!other.equals(phrase) && (" " + other + " ").contains(" " + phrase + " ")) {
            problems.add(phrase + " inside " + other);
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }
}
