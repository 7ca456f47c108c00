package io.paperpulse.tagging.eval;

import io.paperpulse.tagging.PaperTagger;
import io.paperpulse.tagging.text.PorterStems;
import io.paperpulse.tagging.text.Singularizer;
import io.paperpulse.tagging.text.Tokenizer;
import java.nio.file.Path;

/**
 * Prints the keyphrase benchmark on Inspec. Run from the module directory: {@code mvn -q -o
 * exec:java -Dexec.args=[path/to/inspec.zip]}; without an argument the dataset is looked up as in
 * {@link InspecDatasetLocation}.
 */
public final class InspecEvaluation {
  private InspecEvaluation() {}

  public static void main(String[] args) throws Exception {
    Path dataset =
        args.length > 0
            ? Path.of(args[0])
            : InspecDatasetLocation.find()
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "Inspec archive not found: " + InspecDatasetLocation.HINT));
    KeyphraseBenchmark benchmark =
        new KeyphraseBenchmark(
            new Tokenizer(new Singularizer()),
            new PorterStems(),
            PaperTagger.defaultKeyphraseExtractor());
    System.out.print(benchmark.evaluate(dataset).format());
  }
}
