package io.paperpulse.tagging.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.tagging.PaperTagger;
import io.paperpulse.tagging.text.PorterStems;
import io.paperpulse.tagging.text.Singularizer;
import io.paperpulse.tagging.text.Tokenizer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scoring protocol itself, on small archives made here. */
class KeyphraseBenchmarkProtocolTest {
  private final KeyphraseBenchmark benchmark =
      new KeyphraseBenchmark(
          new Tokenizer(new Singularizer()),
          new PorterStems(),
          PaperTagger.defaultKeyphraseExtractor());

  @TempDir Path dir;

  @Test
  void goldAndPredictionsAreSplitByTheSameTokenizer() {
    assertThat(benchmark.normalize("source/drain regions"))
        .isEqualTo(benchmark.normalize("source drain region"));
    assertThat(benchmark.normalize("Thin-film transistors"))
        .isEqualTo(benchmark.normalize("thin film transistor"));
    assertThat(benchmark.normalize("source/drain")).isNotEqualTo("sourcedrain");
  }

  @Test
  void anArchiveInTheInspecLayoutIsScoredUnderItsOwnName() throws IOException {
    Path zip = dir.resolve("tiny.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      put(
          out,
          "Tiny/docsutf8/doc-a.txt",
          "Thin film transistors\r\nSource/drain contacts of thin film transistors "
              + "limit the drive current of thin film transistors.\r\n");
      put(out, "Tiny/keys/doc-a.key", "thin film transistors\r\n");
      put(out, "Tiny/docsutf8/doc-b.txt", "Ring oscillators\r\nRing oscillators are slow.\r\n");
      put(out, "Tiny/keys/doc-b.key", "ring oscillators\n\tsource/drain leakage\r\n");
    }

    EvalReport report = benchmark.evaluate(zip);

    assertThat(report.dataset()).startsWith("Tiny (2 abstracts");
    assertThat(report.rows()).extracting(EvalReport.Row::documentSet).containsOnly("all");
    EvalReport.Row all = report.rows().get(0);
    assertThat(all.documents()).isEqualTo(2);
    // Each document's one gold key in its text is found: one hit in 5 slots, even with fewer
    // phrases.
    assertThat(all.precisionAt5()).isEqualTo(0.2);
    assertThat(all.recallAt5()).isEqualTo((1.0 + 0.5) / 2);
    assertThat(report.format()).contains("F1@5", "F1@10", "Tiny");
  }

  private static void put(ZipOutputStream out, String name, String content) throws IOException {
    out.putNextEntry(new ZipEntry(name));
    OutputStream body = out;
    body.write(content.getBytes(StandardCharsets.UTF_8));
    out.closeEntry();
  }
}
