package io.paperpulse.tagging.keyphrase;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.tagging.PaperTagger;
import io.paperpulse.tagging.text.Singularizer;
import io.paperpulse.tagging.text.Tokenizer;
import io.paperpulse.tagging.text.WordList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyphraseExtractorTest {
  private final Tokenizer tokenizer = new Tokenizer(new Singularizer());
  private final KeyphraseExtractor extractor = PaperTagger.defaultKeyphraseExtractor();

  /**
   * Candidates ranked by the hand-fitted score alone (keyphrase-4), the first feature of the
   * learned ranker: the tests of the word score read it.
   */
  private final KeyphraseExtractor handFitted =
      PaperTagger.keyphraseExtractor(KeyphraseSettings.DEFAULT, null);

  private List<Keyphrase> extract(String title, String body, int limit) {
    return extractor.extract(tokenizer.tokenize(title), tokenizer.tokenize(body), limit);
  }

  @Test
  void genericWordsNeverBecomeKeyphrases() {
    Set<String> generic = WordList.load("/io/paperpulse/tagging/generic-words.txt");
    List<Keyphrase> phrases =
        extract(
            "A novel approach: method, results and performance",
            "In this paper we propose a novel method. Results show the performance of the approach. "
                + "The method improves results. Our approach has better performance than the baseline method "
                + "on the benchmark. Experimental results and analysis of the framework.",
            20);
    for (Keyphrase k : phrases) {
      assertThat(k.name().split(" "))
          .as(k.name())
          .isNotEmpty()
          .satisfiesAnyOf(
              words ->
                  assertThat(generic)
                      .doesNotContain(new Singularizer().singular(words[words.length - 1])),
              words -> assertThat(words.length).isGreaterThan(1));
      assertThat(
              List.of(k.name().split(" ")).stream()
                  .allMatch(w -> generic.contains(new Singularizer().singular(w))))
          .as("all-generic phrase %s", k.name())
          .isFalse();
    }
    assertThat(phrases)
        .extracting(Keyphrase::name)
        .doesNotContain(
            "method",
            "result",
            "performance",
            "approach",
            "paper",
            "novel",
            "propose",
            "novel approach");
  }

  @Test
  void variantsShareAKeyAndNamesAreLowerCaseSingular() {
    List<Keyphrase> phrases =
        extract(
            "Graph Neural Networks for molecules",
            "A graph neural network encodes molecules. Graph neural networks generalize.",
            5);
    assertThat(phrases).extracting(Keyphrase::name).contains("graph neural network");
    assertThat(phrases).extracting(Keyphrase::key).doesNotHaveDuplicates();
  }

  @Test
  void phrasesStopAtPunctuationAndStopWords() {
    List<Keyphrase> phrases =
        extract("", "Speculative decoding, tree attention and draft heads are combined.", 10);
    assertThat(phrases)
        .extracting(Keyphrase::name)
        .contains("speculative decoding", "tree attention", "draft head")
        .noneMatch(n -> n.contains(",") || n.contains(" and "));
  }

  @Test
  void scoresAreDescending() {
    List<Keyphrase> phrases =
        extract(
            "Kernel density estimation in high dimensions",
            "Kernel density estimation of a high-dimensional distribution uses random matrix theory and kernel bandwidth selection.",
            10);
    for (int i = 1; i < phrases.size(); i++) {
      assertThat(phrases.get(i - 1).score()).isGreaterThanOrEqualTo(phrases.get(i).score());
    }
    assertThat(phrases.get(0).name()).isEqualTo("kernel density estimation");
  }

  @Test
  void multiWordPhrasesOutrankSingleWordsAndAdjectiveEndingsRankLow() {
    List<Keyphrase> phrases =
        extract(
            "Sparse attention for protein folding",
            "Protein folding with sparse attention. Attention is costly; folding is hard. "
                + "The attention is continuous and the folding adaptive.",
            10);
    assertThat(phrases.get(0).name().split(" ")).hasSizeGreaterThan(1);
    List<String> names = phrases.stream().map(Keyphrase::name).toList();
    // "attention" and "folding" lie inside better ranked phrases and collapse into them.
    assertThat(names)
        .contains("protein folding", "sparse attention")
        .doesNotContain("attention", "folding");
  }

  @Test
  void theCooccurrenceRankRaisesWordsWithManyNeighbours() {
    // "kernel" stands next to many different words; "lattice", as frequent, is more than a window
    // (10 positions) away from any other content word, stop words filling the gaps.
    String filler = " and it is as it was, and so it is for all of us here ";
    String body =
        "Kernel regression, kernel smoothing, kernel density and kernel trick."
            + filler
            + "Lattice"
            + filler
            + "lattice"
            + filler
            + "lattice"
            + filler
            + "lattice.";
    KeyphraseExtractor graph =
        PaperTagger.keyphraseExtractor(KeyphraseSettings.DEFAULT.withGraphWeight(1), null);
    List<Keyphrase> plain =
        handFitted.extract(tokenizer.tokenize(""), tokenizer.tokenize(body), 20);
    List<Keyphrase> ranked = graph.extract(tokenizer.tokenize(""), tokenizer.tokenize(body), 20);
    assertThat(ranked).allMatch(k -> Double.isFinite(k.score()) && k.score() > 0);
    double plainRatio = score(plain, "kernel regression") / score(plain, "lattice");
    double rankedRatio = score(ranked, "kernel regression") / score(ranked, "lattice");
    assertThat(rankedRatio).isGreaterThan(plainRatio * 1.5);
  }

  @Test
  void wordsOfEverydayEnglishWeighLessThanTerms() {
    // Same place, same frequency; "house" and "party" are common in SemCor, "decoherence" and
    // "qubit" absent from it.
    String body = "Decoherence qubit and house party. Decoherence qubit; house party.";
    KeyphraseExtractor without =
        PaperTagger.keyphraseExtractor(KeyphraseSettings.DEFAULT.withEverydayWordExponent(0), null);
    List<Keyphrase> plain = without.extract(tokenizer.tokenize(""), tokenizer.tokenize(body), 20);
    List<Keyphrase> weighed =
        handFitted.extract(tokenizer.tokenize(""), tokenizer.tokenize(body), 20);
    double plainRatio = score(plain, "decoherence qubit") / score(plain, "house party");
    double weighedRatio = score(weighed, "decoherence qubit") / score(weighed, "house party");
    assertThat(weighedRatio).isGreaterThan(plainRatio * 2);
  }

  @Test
  void aRepeatedWordGainsLessThanItsCount() {
    String body =
        "Lattice gauge theory. Lattice sites, lattice spacing, lattice models and lattice "
            + "sums. Sparse solver.";
    KeyphraseExtractor linear =
        PaperTagger.keyphraseExtractor(
            KeyphraseSettings.DEFAULT.withTermFrequencyExponent(1), null);
    List<Keyphrase> plain = linear.extract(tokenizer.tokenize(""), tokenizer.tokenize(body), 20);
    List<Keyphrase> damped =
        handFitted.extract(tokenizer.tokenize(""), tokenizer.tokenize(body), 20);
    double plainRatio = score(plain, "lattice gauge theory") / score(plain, "sparse solver");
    double dampedRatio = score(damped, "lattice gauge theory") / score(damped, "sparse solver");
    assertThat(dampedRatio).isLessThan(plainRatio * 0.9);
  }

  private static double score(List<Keyphrase> phrases, String name) {
    return phrases.stream()
        .filter(k -> k.name().equals(name))
        .mapToDouble(Keyphrase::score)
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " not in " + phrases));
  }

  @Test
  void modifierEndingsAreRecognized() {
    assertThat(ModifierEndings.matches("continuous")).isTrue();
    assertThat(ModifierEndings.matches("scalable")).isTrue();
    assertThat(ModifierEndings.matches("low-proposed")).isTrue();
    assertThat(ModifierEndings.matches("signal")).isFalse();
    assertThat(ModifierEndings.matches("red")).isFalse();
    assertThat(ModifierEndings.matches("network")).isFalse();
  }
}
