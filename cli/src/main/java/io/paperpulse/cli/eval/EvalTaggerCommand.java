package io.paperpulse.cli.eval;

import io.paperpulse.cli.ExitCodes;
import io.paperpulse.tagging.PaperTagger;
import io.paperpulse.tagging.eval.EvalReport;
import io.paperpulse.tagging.eval.InspecCorpus;
import io.paperpulse.tagging.eval.KeyphraseBenchmark;
import io.paperpulse.tagging.text.PorterStems;
import io.paperpulse.tagging.text.Singularizer;
import io.paperpulse.tagging.text.Tokenizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Scores the shipped keyphrase extractor on the Inspec benchmark or any archive in its layout
 * (protocol in docs/tagging.md).
 */
@Command(
    name = "eval-tagger",
    mixinStandardHelpOptions = true,
    description =
        "Measure the tagger's keyphrases against the gold keys of the Inspec benchmark, or of any "
            + "archive in its layout (NAME/docsutf8/ID.txt, NAME/keys/ID.key): precision, recall and F1 "
            + "at 5 and 10, under the dataset's name.")
public final class EvalTaggerCommand implements Callable<Integer> {

  /** Where the benchmark sits beside a checkout of the project. */
  static final String DEFAULT_DATASET = "../shared/datasets/inspec.zip";

  @Spec private CommandSpec spec;

  @Option(
      names = "--dataset",
      paramLabel = "FILE",
      defaultValue = DEFAULT_DATASET,
      description = "Zip of abstracts and keys in the Inspec layout (default: ${DEFAULT-VALUE}).")
  private Path dataset;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isRegularFile(dataset) || !Files.isReadable(dataset)) {
      err.println(
          "eval-tagger: dataset not found: "
              + dataset.toAbsolutePath().normalize()
              + " (pass --dataset FILE)");
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    KeyphraseBenchmark benchmark =
        new KeyphraseBenchmark(
            new Tokenizer(new Singularizer()),
            new PorterStems(),
            PaperTagger.defaultKeyphraseExtractor());
    EvalReport report;
    try {
      // Checked first: an archive without Inspec documents would otherwise score as an empty table.
      InspecCorpus.Named corpus = InspecCorpus.readNamed(dataset);
      if (corpus.documents().isEmpty()) {
        err.println(
            "eval-tagger: "
                + dataset
                + " holds no documents in the Inspec layout (abstracts with keys)");
        err.flush();
        return ExitCodes.BAD_INPUT;
      }
      report = benchmark.evaluate(corpus, dataset.getFileName().toString());
    } catch (IOException | RuntimeException e) {
      // A file that is there but is not an Inspec archive is bad input, not a crash.
      err.println(
          "eval-tagger: cannot read " + dataset + " as an Inspec archive: " + e.getMessage());
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(report.format());
    out.flush();
    return ExitCodes.OK;
  }
}
