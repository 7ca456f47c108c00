package io.paperpulse.tagging.eval;

import io.paperpulse.tagging.keyphrase.DocumentFrequencies;
import io.paperpulse.tagging.keyphrase.DocumentFrequencyTable;
import io.paperpulse.tagging.keyphrase.Keyphrase;
import io.paperpulse.tagging.keyphrase.KeyphraseExtractor;
import io.paperpulse.tagging.text.PorterStems;
import io.paperpulse.tagging.text.TokenizedText;
import io.paperpulse.tagging.text.Tokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Scores the keyphrase extractor on Inspec, or any archive in its layout, with the usual protocol:
 * the top 5 and top 10 extracted phrases against the uncontrolled gold keys, a match being an exact
 * match of the Porter-stemmed words, both sides split into words by the same tokenizer. Precision
 * at k divides by k even when fewer phrases were extracted. Gold keys absent from the text count
 * against recall.
 *
 * <p>Document frequencies never come from the document being scored: either leave-one-out over the
 * corpus, or the shipped table, which was counted on the even-numbered documents only and is
 * therefore scored on the odd-numbered ones.
 */
public final class KeyphraseBenchmark {
  private final Tokenizer tokenizer;
  private final PorterStems stems;
  private final KeyphraseExtractor extractor;

  public KeyphraseBenchmark(Tokenizer tokenizer, PorterStems stems, KeyphraseExtractor extractor) {
    this.tokenizer = tokenizer;
    this.stems = stems;
    this.extractor = extractor;
  }

  /**
   * The full report. On Inspec: all documents (leave-one-out), the even half (where the extractor
   * was fitted: the ranker's priors hold its gold keys, so these two rows are no held-out figures),
   * the odd half (held out), and the odd half with the shipped table, which was counted on the even
   * half. On any other archive of the same layout: all documents, with leave-one-out frequencies
   * and with the shipped table.
   */
  public EvalReport evaluate(Path archive) throws IOException {
    return evaluate(InspecCorpus.readNamed(archive), archive.getFileName().toString());
  }

  /** The full report of an archive already read from the file named {@code fileName}. */
  public EvalReport evaluate(InspecCorpus.Named corpus, String fileName) {
    List<InspecDocument> documents = corpus.documents();
    List<Set<String>> documentStems = documentStems(documents);
    DocumentFrequencyTable corpusTable = DocumentFrequencyTable.count(documentStems);
    DocumentFrequencyTable shipped = DocumentFrequencyTable.loadDefault();
    List<EvalReport.Row> rows;
    if (isInspec(corpus)) {
      rows =
          List.of(
              score("all (even ids seen)", id -> true, documents, documentStems, corpusTable, true),
              score(
                  "even ids (fit half, seen)",
                  id -> id % 2 == 0,
                  documents,
                  documentStems,
                  corpusTable,
                  true),
              score(
                  "odd ids (held out)",
                  id -> id % 2 == 1,
                  documents,
                  documentStems,
                  corpusTable,
                  true),
              score(
                  "odd ids (held out)",
                  id -> id % 2 == 1,
                  documents,
                  documentStems,
                  shipped,
                  false));
    } else {
      rows =
          List.of(
              score("all", id -> true, documents, documentStems, corpusTable, true),
              score("all", id -> true, documents, documentStems, shipped, false));
    }
    String protocol =
        "gold: uncontrolled keys (first section of a .key file); match: exact, after the tagger's "
            + "tokenization and Porter stems on both sides; P@k = hits in the top k / k; "
            + "P and R averaged over documents, F1 from the averages"
            + (isInspec(corpus)
                ? "; the ranker and its priors were fitted on the even ids, held out: odd ids"
                : "");
    return new EvalReport(
        corpus.name() + " (" + documents.size() + " abstracts, " + fileName + ")", protocol, rows);
  }

  /**
   * Scores of the even-numbered Inspec documents only, leave-one-out: what settings are fitted on.
   */
  public EvalReport.Row evaluateFitHalf(Path inspec) throws IOException {
    return evaluateLeaveOneOut(
        InspecCorpus.read(inspec), "even ids (tuning half)", id -> id % 2 == 0);
  }

  /** Scores of the documents whose id passes {@code include}, leave-one-out over all documents. */
  public EvalReport.Row evaluateLeaveOneOut(
      List<InspecDocument> documents, String setName, IntPredicate include) {
    List<Set<String>> documentStems = documentStems(documents);
    return score(
        setName,
        include,
        documents,
        documentStems,
        DocumentFrequencyTable.count(documentStems),
        true);
  }

  private static boolean isInspec(InspecCorpus.Named corpus) {
    return corpus.name().equalsIgnoreCase("inspec");
  }

  List<Set<String>> documentStems(List<InspecDocument> documents) {
    List<Set<String>> documentStems = new ArrayList<>();
    for (InspecDocument d : documents) {
      documentStems.add(
          extractor.contentStems(
              tokenizer.tokenize(d.title()), tokenizer.tokenize(d.abstractText())));
    }
    return documentStems;
  }

  private EvalReport.Row score(
      String setName,
      IntPredicate include,
      List<InspecDocument> documents,
      List<Set<String>> documentStems,
      DocumentFrequencyTable table,
      boolean leaveOneOut) {
    double p5 = 0, r5 = 0, p10 = 0, r10 = 0;
    int n = 0;
    for (int i = 0; i < documents.size(); i++) {
      InspecDocument d = documents.get(i);
      if (!include.test(d.id())) {
        continue;
      }
      DocumentFrequencies frequencies = leaveOneOut ? leaveOut(table, documentStems.get(i)) : table;
      TokenizedText title = tokenizer.tokenize(d.title());
      TokenizedText body = tokenizer.tokenize(d.abstractText());
      List<Keyphrase> predicted = extractor.extract(title, body, 10, frequencies);
      Set<String> gold = new LinkedHashSet<>();
      for (String key : d.uncontrolledKeys()) {
        gold.add(normalize(key));
      }
      gold.remove("");
      List<String> ranked =
          new ArrayList<>(
              new LinkedHashSet<>(predicted.stream().map(k -> normalize(k.name())).toList()));
      int hits5 = hits(ranked, gold, 5);
      int hits10 = hits(ranked, gold, 10);
      p5 += hits5 / 5.0;
      p10 += hits10 / 10.0;
      if (!gold.isEmpty()) {
        r5 += (double) hits5 / gold.size();
        r10 += (double) hits10 / gold.size();
      }
      n++;
    }
    p5 /= n;
    r5 /= n;
    p10 /= n;
    r10 /= n;
    return new EvalReport.Row(
        setName,
        leaveOneOut ? "leave-one-out" : "shipped table (Inspec even ids)",
        n,
        p5,
        r5,
        f1(p5, r5),
        p10,
        r10,
        f1(p10, r10));
  }

  private static int hits(List<String> ranked, Set<String> gold, int k) {
    int hits = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      if (gold.contains(ranked.get(i))) {
        hits++;
      }
    }
    return hits;
  }

  private static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /**
   * The phrase as the tagger's tokenizer splits it (so "source/drain" is two words on both sides,
   * as are the parts of hyphenated words), each word lower case and Porter-stemmed.
   */
  String normalize(String phrase) {
    TokenizedText tokens = tokenizer.tokenize(phrase);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < tokens.size(); i++) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(stems.stem(tokens.word(i).lower()));
    }
    return out.toString();
  }

  static DocumentFrequencies leaveOut(DocumentFrequencyTable table, Set<String> ownStems) {
    return new DocumentFrequencies() {
      @Override
      public int documentCount() {
        return table.documentCount() - 1;
      }

      @Override
      public int frequency(String stem) {
        int f = table.frequency(stem);
        return ownStems.contains(stem) ? Math.max(0, f - 1) : f;
      }
    };
  }
}
