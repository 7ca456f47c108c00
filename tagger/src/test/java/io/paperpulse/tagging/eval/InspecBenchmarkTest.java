package io.paperpulse.tagging.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.paperpulse.tagging.PaperTagger;
import io.paperpulse.tagging.keyphrase.KeyphraseExtractor;
import io.paperpulse.tagging.keyphrase.KeyphraseSettings;
import io.paperpulse.tagging.text.PorterStems;
import io.paperpulse.tagging.text.Singularizer;
import io.paperpulse.tagging.text.Tokenizer;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Regression floor for keyphrase quality on Inspec; skipped (with the reason) when the archive is
 * absent.
 */
class InspecBenchmarkTest {

  @Test
  void keyphraseF1At10StaysAboveTheFloor() throws Exception {
    Optional<Path> dataset = InspecDatasetLocation.find();
    assumeTrue(dataset.isPresent(), "Inspec archive not found: " + InspecDatasetLocation.HINT);
    KeyphraseBenchmark benchmark =
        new KeyphraseBenchmark(
            new Tokenizer(new Singularizer()),
            new PorterStems(),
            PaperTagger.defaultKeyphraseExtractor());
    EvalReport report = benchmark.evaluate(dataset.get());
    System.out.print(report.format());
    assertThat(report.rows().get(0).documents()).isEqualTo(2000);
    // keyphrase-6 measured F1@10 0.426 and F1@5 0.383 on the odd ids with the shipped table (held
    // out): see docs/tagging.md. The floors sit just under them, above the targets (0.42
    // and 0.35) and above keyphrase-5 (0.407, 0.362).
    EvalReport.Row heldOut = report.rows().get(3);
    assertThat(heldOut.documentSet()).isEqualTo("odd ids (held out)");
    assertThat(heldOut.f1At10()).isGreaterThan(0.420);
    assertThat(heldOut.f1At5()).isGreaterThan(0.375);
  }

  @Test
  void theLearnedRankerBeatsTheHandFittedScoreOnTheHeldOutHalf() throws Exception {
    Optional<Path> dataset = InspecDatasetLocation.find();
    assumeTrue(dataset.isPresent(), "Inspec archive not found: " + InspecDatasetLocation.HINT);
    InspecCorpus.Named corpus = InspecCorpus.readNamed(dataset.get());
    EvalReport.Row learned = heldOut(PaperTagger.defaultKeyphraseExtractor(), corpus);
    EvalReport.Row handFitted =
        heldOut(PaperTagger.keyphraseExtractor(KeyphraseSettings.DEFAULT, null), corpus);
    assertThat(learned.f1At5()).isGreaterThan(handFitted.f1At5() + 0.005);
    assertThat(learned.f1At10()).isGreaterThanOrEqualTo(handFitted.f1At10());
  }

  /** The odd ids with the shipped document frequencies: never used to fit anything. */
  private static EvalReport.Row heldOut(KeyphraseExtractor extractor, InspecCorpus.Named corpus) {
    return new KeyphraseBenchmark(new Tokenizer(new Singularizer()), new PorterStems(), extractor)
        .evaluate(corpus, "inspec.zip")
        .rows()
        .get(3);
  }

  @Test
  void goldKeysAreSplitIntoUncontrolledAndControlled() {
    InspecDocument d =
        InspecCorpus.parse(
            1,
            "A title\r\nline one\n\tline two\r\n",
            "first key\n\tsecond key\r\ncontrolled one\n\tcontrolled two\r\n");
    assertThat(d.title()).isEqualTo("A title");
    assertThat(d.abstractText()).isEqualTo("line one line two");
    assertThat(d.uncontrolledKeys()).containsExactly("first key", "second key");
    assertThat(d.controlledKeys()).containsExactly("controlled one", "controlled two");
  }
}
