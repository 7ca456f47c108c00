package io.paperpulse.tagging.keyphrase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperpulse.tagging.PaperTagger;
import io.paperpulse.tagging.text.Singularizer;
import io.paperpulse.tagging.text.Tokenizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyphraseRankerTest {
  private final Tokenizer tokenizer = new Tokenizer(new Singularizer());

  @Test
  void theShippedWeightsAreForTheseFeatures() {
    KeyphraseRanker shipped = KeyphraseRanker.loadDefault();
    // every feature non-zero and different, so that every weight enters the probability
    double[] features = new double[KeyphraseRanker.FEATURES.size()];
    for (int i = 0; i < features.length; i++) {
      features[i] = 0.1 * (i + 1);
    }
    double p = shipped.probability(features);
    assertThat(
            KeyphraseRanker.parse(shipped.format(List.of("again")), "round trip", shipped.priors())
                .probability(features))
        .isCloseTo(p, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void weightsOfOtherFeaturesAreRejected() {
    String file = KeyphraseRanker.loadDefault().format(List.of());
    assertThatThrownBy(
            () ->
                KeyphraseRanker.parse(
                    file.replace(KeyphraseRanker.FEATURES_VERSION, "candidate-features-0"),
                    "old",
                    KeyphrasePriors.NONE))
        .hasMessageContaining("candidate-features-0");
    String swapped =
        file.replace("log_occurrences\t", "tmp\t")
            .replace("first_position\t", "log_occurrences\t")
            .replace("tmp\t", "first_position\t");
    assertThatThrownBy(() -> KeyphraseRanker.parse(swapped, "swapped", KeyphrasePriors.NONE))
        .hasMessageContaining("expected feature log_occurrences");
    assertThatThrownBy(() -> new KeyphraseRanker(0, new double[2], KeyphrasePriors.NONE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyCandidateHasOneValuePerFeature() {
    KeyphraseExtractor extractor = PaperTagger.defaultKeyphraseExtractor();
    List<KeyphraseExtractor.CandidateFeatures> candidates =
        extractor.candidateFeatures(
            tokenizer.tokenize("Sparse attention kernels"),
            tokenizer.tokenize(
                "Sparse attention kernels speed up inference. The GPU runs sparse attention "
                    + "kernels on long contexts, and a kernel autotuner picks tile sizes."),
            DocumentFrequencyTable.loadDefault());
    KeyphraseExtractor.CandidateFeatures title =
        candidates.stream()
            .filter(c -> c.name().equals("sparse attention kernel"))
            .findFirst()
            .orElseThrow();
    double[] f = title.features();
    assertThat(f).hasSize(KeyphraseRanker.FEATURES.size());
    assertThat(f[KeyphraseRanker.IN_TITLE]).isEqualTo(1);
    assertThat(f[KeyphraseRanker.WORDS]).isEqualTo(3);
    assertThat(f[KeyphraseRanker.FIRST_POSITION]).isEqualTo(0);
    assertThat(f[KeyphraseRanker.LOG_OCCURRENCES]).isEqualTo(Math.log(3), within());
    // 25 words; the last occurrence starts at word 12 ("sparse attention kernels on").
    assertThat(f[KeyphraseRanker.SPREAD]).isEqualTo(12.0 / 25, within());
    KeyphraseExtractor.CandidateFeatures gpu =
        candidates.stream().filter(c -> c.name().equals("gpu")).findFirst().orElseThrow();
    assertThat(gpu.features()[KeyphraseRanker.ACRONYM]).isEqualTo(1);
    assertThat(gpu.features()[KeyphraseRanker.SINGLE_WORD]).isEqualTo(1);
    assertThat(gpu.features()[KeyphraseRanker.IN_TITLE]).isEqualTo(0);
  }

  @Test
  void aTitlePhraseOutranksTheSamePhraseOnlyInTheAbstract() {
    KeyphraseExtractor extractor = PaperTagger.defaultKeyphraseExtractor();
    String body =
        "We study lattice gauge theory with tensor networks. Tensor networks compress the "
            + "lattice gauge theory state.";
    double inTitle =
        extractor
            .extract(tokenizer.tokenize("Tensor networks"), tokenizer.tokenize(body), 10)
            .stream()
            .filter(k -> k.name().equals("tensor network"))
            .findFirst()
            .orElseThrow()
            .score();
    double notInTitle =
        extractor.extract(tokenizer.tokenize(""), tokenizer.tokenize(body), 10).stream()
            .filter(k -> k.name().equals("tensor network"))
            .findFirst()
            .orElseThrow()
            .score();
    assertThat(inTitle).isGreaterThan(notInTitle);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
