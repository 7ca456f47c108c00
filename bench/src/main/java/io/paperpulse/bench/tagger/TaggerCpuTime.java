package io.paperpulse.bench.tagger;

import io.paperpulse.bench.corpus.GeneratedCorpus;
import io.paperpulse.bench.corpus.Paper;
import io.paperpulse.bench.corpus.SampleCorpus;
import io.paperpulse.tagging.PaperTagger;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * Papers per CPU-second of the tagging thread, for a shared machine: JMH's wall-clock throughput
 * falls with every other busy process, while the thread's own CPU time does so much less (cache and
 * core sharing still count). Same corpora and the same call as {@code TaggerBenchmark.tag}.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.paperpulse.bench.tagger.TaggerCpuTime [rounds] [papers per round]
 * </pre>
 *
 * Prints every round; the first ones include JIT compilation, the best of the later ones is the
 * figure to quote.
 */
public final class TaggerCpuTime {
  private TaggerCpuTime() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<Paper> sample = SampleCorpus.papers();
    for (String corpus : List.of("sample", "generated")) {
      Paper[] papers =
          (corpus.equals("sample") ? sample : GeneratedCorpus.papers(sample, 1_000))
              .toArray(Paper[]::new);
      PaperTagger tagger = PaperTagger.withDefaultTaxonomy();
      long tags = 0;
      double best = 0;
      for (int round = 1; round <= rounds; round++) {
        long cpuStart = threads.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        for (int i = 0; i < perRound; i++) {
          Paper paper = papers[i % papers.length];
          tags += tagger.tag(paper.title(), paper.abstractText()).size();
        }
        double cpuRate = perRound / ((threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
        double wallRate = perRound / ((System.nanoTime() - wallStart) / 1e9);
        best = Math.max(best, cpuRate);
        System.out.printf(
            "%-9s round %d: %,8.0f papers/CPU-s  %,8.0f papers/s wall%n",
            corpus, round, cpuRate, wallRate);
      }
      System.out.printf("%-9s best: %,8.0f papers/CPU-s (%d tags)%n", corpus, best, tags);
    }
  }
}
