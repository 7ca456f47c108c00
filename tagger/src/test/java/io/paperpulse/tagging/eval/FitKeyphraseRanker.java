package io.paperpulse.tagging.eval;

import io.paperpulse.tagging.PaperTagger;
import io.paperpulse.tagging.keyphrase.DocumentFrequencies;
import io.paperpulse.tagging.keyphrase.DocumentFrequencyTable;
import io.paperpulse.tagging.keyphrase.KeyphraseExtractor;
import io.paperpulse.tagging.keyphrase.KeyphraseExtractor.CandidateFeatures;
import io.paperpulse.tagging.keyphrase.KeyphrasePriors;
import io.paperpulse.tagging.keyphrase.KeyphrasePriors.StemCounts;
import io.paperpulse.tagging.keyphrase.KeyphraseRanker;
import io.paperpulse.tagging.keyphrase.KeyphraseSettings;
import io.paperpulse.tagging.text.PorterStems;
import io.paperpulse.tagging.text.Singularizer;
import io.paperpulse.tagging.text.Tokenizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Fits the {@link KeyphraseRanker}: L2-regularised logistic regression over the candidates of the
 * even-numbered Inspec abstracts (the fit half; the odd half stays held out), a candidate being
 * positive when its stemmed words equal those of one of the paper's uncontrolled gold keys, as the
 * benchmark matches them. Document frequencies are leave-one-out, as in the benchmark. Features are
 * standardised for the fit (the penalty then weighs them alike) and the weights written back on the
 * raw values; the fit is Newton's method, deterministic, so a refit reproduces the shipped file.
 *
 * <p>The {@link KeyphrasePriors} are counted on the same papers: which stems were part of
 * candidates and of gold keyphrases. A paper's own rows read them without that paper's counts, as
 * they would read them for a paper the ranker never saw; the ranker that is written or scored
 * carries the counts of all its papers.
 *
 * <p>Arguments: the archive, then any of {@code out=FILE} (write the weights there; without it they
 * are only printed), {@code priors=FILE} (write the priors there), {@code penalty=1} (the L2
 * penalty), {@code drop=a,b} (features left out: their values are zeroed, their weights stay 0),
 * {@code score-weight=W} (the weight of {@code log_score} held at W instead of fitted), {@code cv}
 * (no fit of the whole half: two-fold cross-validation inside it, ids 0 and 2 mod 4, printing F1@5
 * and F1@10 of the variant). Without {@code cv}, prints the weights and the scores of the fit half
 * with the fitted ranker.
 */
public final class FitKeyphraseRanker {
  private static final int ITERATIONS = 30;

  private FitKeyphraseRanker() {}

  /**
   * One fit-half paper: the features of its candidates, their stem keys, which of them are gold
   * keys; the stems of its candidates and of those that are gold keys, each once.
   */
  private record Paper(
      int id,
      List<double[]> rows,
      List<String> keys,
      List<Boolean> labels,
      Set<String> candidateStems,
      Set<String> keyphraseStems) {}

  public static void main(String[] args) throws Exception {
    Path dataset = Path.of(args[0]);
    Path output = null;
    Path priorsOutput = null;
    double penalty = 1.0;
    double scoreWeight = Double.NaN;
    boolean crossValidate = false;
    Set<String> dropped = new HashSet<>();
    for (int a = 1; a < args.length; a++) {
      String[] kv = args[a].split("=", 2);
      switch (kv[0]) {
        case "out" -> output = Path.of(kv[1]);
        case "priors" -> priorsOutput = Path.of(kv[1]);
        case "penalty" -> penalty = Double.parseDouble(kv[1]);
        case "score-weight" -> scoreWeight = Double.parseDouble(kv[1]);
        case "drop" -> dropped.addAll(List.of(kv[1].split(",")));
        case "cv" -> crossValidate = true;
        default -> throw new IllegalArgumentException("unknown argument " + args[a]);
      }
    }
    boolean[] used = new boolean[KeyphraseRanker.FEATURES.size()];
    for (int f = 0; f < used.length; f++) {
      used[f] = !dropped.contains(KeyphraseRanker.FEATURES.get(f));
    }
    Tokenizer tokenizer = new Tokenizer(new Singularizer());
    KeyphraseExtractor extractor = PaperTagger.keyphraseExtractor(KeyphraseSettings.DEFAULT, null);
    KeyphraseBenchmark benchmark = new KeyphraseBenchmark(tokenizer, new PorterStems(), extractor);

    List<InspecDocument> documents = InspecCorpus.read(dataset);
    List<Set<String>> documentStems = benchmark.documentStems(documents);
    DocumentFrequencyTable table = DocumentFrequencyTable.count(documentStems);
    List<Paper> papers = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      InspecDocument d = documents.get(i);
      if (d.id() % 2 != 0) {
        continue;
      }
      DocumentFrequencies frequencies = KeyphraseBenchmark.leaveOut(table, documentStems.get(i));
      Set<String> gold = new HashSet<>();
      for (String key : d.uncontrolledKeys()) {
        gold.add(benchmark.normalize(key));
      }
      Paper paper =
          new Paper(
              d.id(),
              new ArrayList<>(),
              new ArrayList<>(),
              new ArrayList<>(),
              new HashSet<>(),
              new HashSet<>());
      for (CandidateFeatures c :
          extractor.candidateFeatures(
              tokenizer.tokenize(d.title()), tokenizer.tokenize(d.abstractText()), frequencies)) {
        boolean keyphrase = gold.contains(benchmark.normalize(c.name()));
        List<String> stems = List.of(c.key().split(" "));
        paper.rows().add(c.features());
        paper.keys().add(c.key());
        paper.labels().add(keyphrase);
        paper.candidateStems().addAll(stems);
        if (keyphrase) {
          paper.keyphraseStems().addAll(stems);
        }
      }
      papers.add(paper);
    }
    if (crossValidate) {
      // Two folds of the fit half: ids 0 mod 4 and 2 mod 4, each scored with the other's fit.
      double f5 = 0;
      double f10 = 0;
      for (int fold = 0; fold < 4; fold += 2) {
        int scored = fold;
        List<Paper> train = papers.stream().filter(p -> p.id() % 4 != scored).toList();
        KeyphraseRanker ranker = fit(train, used, penalty, scoreWeight);
        EvalReport.Row row =
            benchmarkWith(tokenizer, ranker)
                .evaluateLeaveOneOut(documents, "fold", id -> id % 4 == scored);
        f5 += row.f1At5() / 2;
        f10 += row.f1At10() / 2;
      }
      System.out.printf(
          Locale.ROOT,
          "2-fold on the fit half, score weight %s penalty %s drop %s: F1@5 %.4f  F1@10 %.4f%n",
          Double.isNaN(scoreWeight) ? "fitted" : scoreWeight,
          penalty,
          dropped,
          f5,
          f10);
      return;
    }
    KeyphraseRanker ranker = fit(papers, used, penalty, scoreWeight);
    if (priorsOutput != null) {
      Files.writeString(
          priorsOutput,
          ranker
              .priors()
              .format(
                  List.of(
                      "Keyphrase priors: counts over the candidates of the "
                          + papers.size()
                          + " even-numbered Inspec abstracts,",
                      "the papers keyphrase-ranker.tsv was fitted on (data from the Inspec"
                          + " Database, kindly supplied by The IET).",
                      "Refit: FitKeyphraseRanker in tagger's tests (docs/tagging.md).")),
          StandardCharsets.UTF_8);
    }
    long candidates = papers.stream().mapToLong(p -> p.rows().size()).sum();
    long positives =
        papers.stream().flatMap(p -> p.labels().stream()).filter(Boolean::booleanValue).count();
    String text =
        ranker.format(
            List.of(
                "Keyphrase candidate ranker: logistic regression, L2 penalty "
                    + penalty
                    + " on standardised features,",
                "fitted on "
                    + candidates
                    + " candidates ("
                    + positives
                    + " gold keys) of the "
                    + papers.size()
                    + " even-numbered Inspec abstracts.",
                "Refit: FitKeyphraseRanker in tagger's tests (docs/tagging.md). Weights apply to"
                    + " the raw feature values."));
    if (output != null) {
      Files.writeString(output, text, StandardCharsets.UTF_8);
    }
    System.out.print(text);
    EvalReport.Row row =
        benchmarkWith(tokenizer, ranker)
            .evaluateLeaveOneOut(documents, "fit half", id -> id % 2 == 0);
    System.out.printf(
        Locale.ROOT,
        "fit half with this ranker: F1@5 %.4f  F1@10 %.4f  (P@10 %.3f R@10 %.3f)%n",
        row.f1At5(),
        row.f1At10(),
        row.precisionAt10(),
        row.recallAt10());
  }

  /** The benchmark of the default extractor with {@code ranker} on top. */
  private static KeyphraseBenchmark benchmarkWith(Tokenizer tokenizer, KeyphraseRanker ranker) {
    return new KeyphraseBenchmark(
        tokenizer,
        new PorterStems(),
        PaperTagger.keyphraseExtractor(KeyphraseSettings.DEFAULT, ranker));
  }

  /**
   * The ranker of {@code papers}: their priors, and weights fitted on their rows with the prior
   * features of each paper read without its own counts.
   */
  private static KeyphraseRanker fit(
      List<Paper> papers, boolean[] used, double penalty, double scoreWeight) {
    Map<String, int[]> stems = new HashMap<>(); // stem -> {keyphrase papers, candidate papers}
    for (Paper p : papers) {
      p.candidateStems().forEach(s -> stems.computeIfAbsent(s, k -> new int[2])[1]++);
      p.keyphraseStems().forEach(s -> stems.get(s)[0]++);
    }
    List<double[]> rows = new ArrayList<>();
    List<Boolean> labels = new ArrayList<>();
    for (Paper p : papers) {
      for (int r = 0; r < p.rows().size(); r++) {
        double[] row = p.rows().get(r).clone();
        String key = p.keys().get(r);
        double sum = 0;
        String[] words = key.split(" ");
        for (String s : words) {
          int[] c = stems.get(s);
          sum +=
              KeyphrasePriors.stemPrior(
                  c[0] - (p.keyphraseStems().contains(s) ? 1 : 0),
                  c[1] - (p.candidateStems().contains(s) ? 1 : 0));
        }
        row[KeyphraseRanker.STEM_PRIOR] = sum / words.length;
        for (int f = 0; f < used.length; f++) {
          row[f] = used[f] ? row[f] : 0;
        }
        rows.add(row);
      }
      labels.addAll(p.labels());
    }
    Map<String, StemCounts> stemCounts = new HashMap<>();
    stems.forEach((s, c) -> stemCounts.put(s, new StemCounts(c[0], c[1])));
    KeyphrasePriors priors = new KeyphrasePriors(papers.size(), stemCounts);
    return fit(rows, labels, penalty, scoreWeight, priors);
  }

  /**
   * Logistic regression by Newton's method on the standardised features, the penalty {@code penalty
   * * |w|^2 / 2} on all weights but the intercept.
   */
  static KeyphraseRanker fit(
      List<double[]> rows,
      List<Boolean> labels,
      double penalty,
      double scoreWeight,
      KeyphrasePriors priors) {
    boolean fixedScore = !Double.isNaN(scoreWeight);
    int logScore = KeyphraseRanker.FEATURES.indexOf("log_score");
    int n = rows.size();
    int features = KeyphraseRanker.FEATURES.size();
    double[] mean = new double[features];
    double[] scale = new double[features];
    for (double[] row : rows) {
      for (int f = 0; f < features; f++) {
        mean[f] += row[f] / n;
      }
    }
    for (double[] row : rows) {
      for (int f = 0; f < features; f++) {
        scale[f] += (row[f] - mean[f]) * (row[f] - mean[f]) / n;
      }
    }
    for (int f = 0; f < features; f++) {
      scale[f] = scale[f] > 0 ? Math.sqrt(scale[f]) : 1;
    }
    int dim = features + 1; // index 0 is the intercept
    double[] w = new double[dim];
    double[] x = new double[dim];
    for (int it = 0; it < ITERATIONS; it++) {
      double[] gradient = new double[dim];
      double[][] hessian = new double[dim][dim];
      for (int i = 0; i < n; i++) {
        standardise(rows.get(i), mean, scale, x);
        double z = 0;
        if (fixedScore) {
          x[logScore + 1] = 0;
          z = scoreWeight * rows.get(i)[logScore];
        }
        for (int f = 0; f < dim; f++) {
          z += w[f] * x[f];
        }
        double p = 1.0 / (1.0 + Math.exp(-z));
        double error = p - (labels.get(i) ? 1 : 0);
        double curvature = p * (1 - p);
        for (int a = 0; a < dim; a++) {
          gradient[a] += error * x[a];
          for (int b = 0; b <= a; b++) {
            hessian[a][b] += curvature * x[a] * x[b];
          }
        }
      }
      for (int a = 0; a < dim; a++) {
        for (int b = 0; b < a; b++) {
          hessian[b][a] = hessian[a][b];
        }
        if (a > 0) {
          gradient[a] += penalty * w[a];
          hessian[a][a] += penalty;
        }
      }
      double[] step = solve(hessian, gradient);
      double change = 0;
      for (int a = 0; a < dim; a++) {
        w[a] -= step[a];
        change = Math.max(change, Math.abs(step[a]));
      }
      if (change < 1e-9) {
        break;
      }
    }
    double bias = w[0];
    double[] weights = new double[features];
    for (int f = 0; f < features; f++) {
      weights[f] = w[f + 1] / scale[f];
      bias -= weights[f] * mean[f];
    }
    if (fixedScore) {
      weights[logScore] = scoreWeight;
    }
    return new KeyphraseRanker(bias, weights, priors);
  }

  private static void standardise(double[] row, double[] mean, double[] scale, double[] x) {
    x[0] = 1;
    for (int f = 0; f < row.length; f++) {
      x[f + 1] = (row[f] - mean[f]) / scale[f];
    }
  }

  /** Solves {@code a x = b} by Gaussian elimination with partial pivoting. */
  private static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = java.util.Arrays.copyOf(a[i], n + 1);
      m[i][n] = b[i];
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
          pivot = r;
        }
      }
      double[] swap = m[col];
      m[col] = m[pivot];
      m[pivot] = swap;
      for (int r = col + 1; r < n; r++) {
        double factor = m[r][col] / m[col][col];
        for (int c = col; c <= n; c++) {
          m[r][c] -= factor * m[col][c];
        }
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double sum = m[r][n];
      for (int c = r + 1; c < n; c++) {
        sum -= m[r][c] * x[c];
      }
      x[r] = sum / m[r][r];
    }
    return x;
  }
}
