package io.paperpulse.tagging.eval;

import io.paperpulse.tagging.PaperTagger;
import io.paperpulse.tagging.keyphrase.KeyphraseSettings;
import io.paperpulse.tagging.text.PorterStems;
import io.paperpulse.tagging.text.Singularizer;
import io.paperpulse.tagging.text.Tokenizer;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Scores variants of the keyphrase settings on the even-numbered Inspec abstracts only (the fit
 * half; the odd half stays held out). Arguments: the archive, then one variant per argument,
 * changes to the defaults separated by commas, e.g. {@code
 * of=true,length=0.5,nesting=COLLAPSE_PHRASES} (keys: of, length, nesting, single, position, words,
 * title, modifier, graph, acronym, everyday, tf, duplicate). Candidates are ranked by the
 * hand-fitted score, not by the shipped ranker: its priors were counted on this half's gold keys,
 * and would flatter every variant scored here.
 */
public final class FitKeyphraseSettings {
  private FitKeyphraseSettings() {}

  public static void main(String[] args) throws Exception {
    Path dataset = Path.of(args[0]);
    for (int a = 1; a < args.length; a++) {
      KeyphraseSettings settings = KeyphraseSettings.DEFAULT;
      for (String change : args[a].split(",")) {
        if (change.isBlank() || change.equals("default")) {
          continue;
        }
        String[] kv = change.split("=", 2);
        settings =
            switch (kv[0]) {
              case "of" -> settings.withOfPhrases(Boolean.parseBoolean(kv[1]));
              case "length" -> settings.withLengthExponent(Double.parseDouble(kv[1]));
              case "nesting" -> settings.withNesting(KeyphraseSettings.Nesting.valueOf(kv[1]));
              case "single" -> settings.withSingleWordFactor(Double.parseDouble(kv[1]));
              case "position" -> settings.withPositionDecay(Double.parseDouble(kv[1]));
              case "acronym" -> settings.withAcronymFactor(Double.parseDouble(kv[1]));
              case "graph" -> settings.withGraphWeight(Double.parseDouble(kv[1]));
              case "words" -> settings.withMaxWords(Integer.parseInt(kv[1]));
              case "title" -> settings.withTitleBoost(Double.parseDouble(kv[1]));
              case "everyday" -> settings.withEverydayWordExponent(Double.parseDouble(kv[1]));
              case "tf" -> settings.withTermFrequencyExponent(Double.parseDouble(kv[1]));
              case "duplicate" -> settings.withNearDuplicateShare(Double.parseDouble(kv[1]));
              case "modifier" -> settings.withModifierEndFactor(Double.parseDouble(kv[1]));
              default -> throw new IllegalArgumentException("unknown setting " + kv[0]);
            };
      }
      KeyphraseBenchmark benchmark =
          new KeyphraseBenchmark(
              new Tokenizer(new Singularizer()),
              new PorterStems(),
              PaperTagger.keyphraseExtractor(settings, null));
      EvalReport.Row row = benchmark.evaluateFitHalf(dataset);
      System.out.printf(
          Locale.ROOT,
          "%-60s F1@5 %.4f  F1@10 %.4f  (P@10 %.3f R@10 %.3f)%n",
          args[a],
          row.f1At5(),
          row.f1At10(),
          row.precisionAt10(),
          row.recallAt10());
    }
  }
}
