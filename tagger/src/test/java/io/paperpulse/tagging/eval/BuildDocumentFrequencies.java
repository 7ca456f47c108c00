package io.paperpulse.tagging.eval;

import io.paperpulse.tagging.PaperTagger;
import io.paperpulse.tagging.keyphrase.DocumentFrequencyTable;
import io.paperpulse.tagging.keyphrase.KeyphraseExtractor;
import io.paperpulse.tagging.text.Singularizer;
import io.paperpulse.tagging.text.Tokenizer;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Regenerates the shipped document-frequency table from the even-numbered Inspec abstracts (the
 * odd-numbered ones stay unseen for evaluation). Arguments: inspec.zip and the output file.
 */
public final class BuildDocumentFrequencies {
  private BuildDocumentFrequencies() {}

  public static void main(String[] args) throws Exception {
    Tokenizer tokenizer = new Tokenizer(new Singularizer());
    KeyphraseExtractor extractor = PaperTagger.defaultKeyphraseExtractor();
    List<Set<String>> stems = new ArrayList<>();
    for (InspecDocument d : InspecCorpus.read(Path.of(args[0]))) {
      if (d.id() % 2 == 0) {
        stems.add(
            extractor.contentStems(
                tokenizer.tokenize(d.title()), tokenizer.tokenize(d.abstractText())));
      }
    }
    try (Writer out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
      DocumentFrequencyTable.count(stems).write(out, 2);
    }
  }
}
