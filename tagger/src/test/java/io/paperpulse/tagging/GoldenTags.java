package io.paperpulse.tagging;

import io.paperpulse.schema.Tag;
import io.paperpulse.tagging.eval.InspecCorpus;
import io.paperpulse.tagging.eval.InspecDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * The tags of a fixed set of papers, as recorded in {@code golden-tags.txt}: speed work on the
 * tagger must leave them exactly as they are (names, kinds, order and scores to the last bit).
 *
 * <p>The set: the 48 sample papers; the same with title and abstract swapped (long titles weigh
 * every word more); 300 seeded recombinations of sample sentences; a few edge cases (empty text,
 * punctuation only, hyphens, possessives, numbers, capitals, one very long text that outgrows every
 * per-thread table). The Inspec abstracts are covered by a digest, checked when the archive is
 * available.
 *
 * <p>Regenerate only for an intended change of the tags, and say so in the commit: {@code
 * GoldenTags <golden-tags.txt> [inspec.zip]} (test classpath) writes the file and prints the Inspec
 * digest.
 */
public final class GoldenTags {
  static final String RESOURCE = "/io/paperpulse/tagging/golden-tags.txt";
  static final String INSPEC_DIGEST_RESOURCE = "/io/paperpulse/tagging/golden-tags-inspec.sha256";
  private static final long SEED = 20261126L;
  private static final int GENERATED = 300;

  private GoldenTags() {}

  static List<SamplePapers.Paper> papers() throws IOException {
    List<SamplePapers.Paper> sample = SamplePapers.load();
    List<SamplePapers.Paper> papers = new ArrayList<>(sample);
    for (SamplePapers.Paper p : sample) {
      papers.add(new SamplePapers.Paper(p.abstractText(), p.title()));
    }
    papers.addAll(recombined(sample));
    papers.addAll(edgeCases(sample));
    return papers;
  }

  /**
   * Titles and sentences of different sample papers strung together, as a stream would bring new
   * papers.
   */
  private static List<SamplePapers.Paper> recombined(List<SamplePapers.Paper> sample) {
    List<String> sentences = new ArrayList<>();
    for (SamplePapers.Paper p : sample) {
      sentences.addAll(List.of(p.abstractText().split("(?<=[.!?])\\s+")));
    }
    Random random = new Random(SEED);
    List<SamplePapers.Paper> papers = new ArrayList<>(GENERATED);
    for (int i = 0; i < GENERATED; i++) {
      StringBuilder text = new StringBuilder();
      for (int k = 3 + random.nextInt(10); k > 0; k--) {
        text.append(sentences.get(random.nextInt(sentences.size()))).append(' ');
      }
      papers.add(
          new SamplePapers.Paper(
              sample.get(random.nextInt(sample.size())).title(), text.toString().strip()));
    }
    return papers;
  }

  private static List<SamplePapers.Paper> edgeCases(List<SamplePapers.Paper> sample) {
    StringBuilder everything = new StringBuilder();
    for (SamplePapers.Paper p : sample) {
      everything.append(p.title()).append(". ").append(p.abstractText()).append(' ');
    }
    return List.of(
        new SamplePapers.Paper("", ""),
        new SamplePapers.Paper(null, null),
        new SamplePapers.Paper("...", "-- ; : () [] \u2014 \u2022 \u00b7"),
        new SamplePapers.Paper(
            "LLMs' KV-cache", "The LLM's key-value caches, Large-Language-Models and RAG vs rag."),
        new SamplePapers.Paper(
            "GPUs at 292.3 TFLOPS",
            "We reach 1,024 tokens/s on 8 GPUs \u2013 a 3.5x gain over state-of-the-art."),
        new SamplePapers.Paper(
            "A STUDY OF GRAPH NEURAL NETWORKS",
            "GRAPH NEURAL NETWORKS AND GRAPH-NEURAL-NETWORK'S LAYERS."),
        new SamplePapers.Paper(
            "Three-player low-bandwidth self-supervised pre-training",
            "A three-player game with low-bandwidth links; self-supervised pre-training of three-player models."),
        new SamplePapers.Paper("Everything", everything.toString()));
  }

  /** One paper's tags on one line: kind, name and exact score of each, tab-separated. */
  static String line(List<Tag> tags) {
    StringBuilder line = new StringBuilder();
    for (Tag tag : tags) {
      if (line.length() > 0) {
        line.append('\t');
      }
      line.append(tag.getKind())
          .append(' ')
          .append(tag.getName())
          .append(' ')
          .append(tag.getScore());
    }
    return line.toString();
  }

  /** SHA-256 over the tag lines of all Inspec documents, in id order. */
  static String inspecDigest(Tagger tagger, Path inspecZip) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    for (InspecDocument d : InspecCorpus.read(inspecZip)) {
      String line = d.id() + "\t" + line(tagger.tag(d.title(), d.abstractText())) + "\n";
      digest.update(line.getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  public static void main(String[] args) throws IOException {
    PaperTagger tagger = PaperTagger.withDefaultTaxonomy();
    StringBuilder out = new StringBuilder();
    for (SamplePapers.Paper p : papers()) {
      out.append(line(tagger.tag(p.title(), p.abstractText()))).append('\n');
    }
    Files.writeString(Path.of(args[0]), out, StandardCharsets.UTF_8);
    if (args.length > 1) {
      System.out.println(inspecDigest(tagger, Path.of(args[1])));
    }
  }
}
