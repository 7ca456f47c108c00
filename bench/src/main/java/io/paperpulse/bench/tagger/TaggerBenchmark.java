package io.paperpulse.bench.tagger;

import io.paperpulse.bench.corpus.GeneratedCorpus;
import io.paperpulse.bench.corpus.Paper;
import io.paperpulse.bench.corpus.SampleCorpus;
import io.paperpulse.schema.Tag;
import io.paperpulse.tagging.PaperTagger;
import io.paperpulse.tagging.TaggerConfig;
import io.paperpulse.tagging.keyphrase.Keyphrase;
import io.paperpulse.tagging.keyphrase.KeyphraseExtractor;
import io.paperpulse.tagging.text.Singularizer;
import io.paperpulse.tagging.text.TokenizedText;
import io.paperpulse.tagging.text.Tokenizer;
import io.paperpulse.tagging.topic.Taxonomy;
import io.paperpulse.tagging.topic.TopicMatcher;
import io.paperpulse.tagging.topic.TopicScores;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Papers per second through {@link PaperTagger#tag} and through each of its stages on its own. One
 * operation is one paper (title and abstract); the papers are visited round-robin.
 *
 * <ul>
 *   <li>{@code tag}: the whole tagger, as the streams topology calls it;
 *   <li>{@code tokenize}: title and abstract into tokens;
 *   <li>{@code topics}: taxonomy matching and parent scores on already tokenized text (no ranking);
 *   <li>{@code keyphrases}: keyphrase extraction on already tokenized text.
 * </ul>
 *
 * {@code corpus=sample} cycles through the 48 bundled papers, {@code corpus=generated} through
 * 1,000 synthetic abstracts recombined from their sentences.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TaggerBenchmark {
  private static final int GENERATED_PAPERS = 1_000;

  @Param({"sample", "generated"})
  public String corpus;

  private Paper[] papers;
  private TokenizedText[] titles;
  private TokenizedText[] bodies;
  private PaperTagger tagger;
  private Tokenizer tokenizer;
  private TopicMatcher topics;
  private KeyphraseExtractor keyphrases;

  /** Each benchmark thread walks the papers on its own, with its own topic score table. */
  @State(Scope.Thread)
  public static class Cursor {
    private int next;
    private TopicScores scores;

    TopicScores scores(TopicMatcher matcher) {
      if (scores == null) {
        scores = matcher.newScores();
      }
      return scores;
    }

    int advance(int size) {
      int current = next;
      next = current + 1 == size ? 0 : current + 1;
      return current;
    }
  }

  @Setup
  public void setUp() {
    List<Paper> sample = SampleCorpus.papers();
    List<Paper> chosen =
        switch (corpus) {
          case "sample" -> sample;
          case "generated" -> GeneratedCorpus.papers(sample, GENERATED_PAPERS);
          default -> throw new IllegalArgumentException("unknown corpus " + corpus);
        };
    papers = chosen.toArray(Paper[]::new);
    tagger = PaperTagger.withDefaultTaxonomy();
    tokenizer = new Tokenizer(new Singularizer());
    topics = TopicMatcher.compile(Taxonomy.defaultTaxonomy(), tokenizer);
    keyphrases = PaperTagger.defaultKeyphraseExtractor();
    titles = new TokenizedText[papers.length];
    bodies = new TokenizedText[papers.length];
    for (int i = 0; i < papers.length; i++) {
      titles[i] = tokenizer.tokenize(papers[i].title());
      bodies[i] = tokenizer.tokenize(papers[i].abstractText());
    }
  }

  @Benchmark
  public List<Tag> tag(Cursor cursor) {
    Paper paper = papers[cursor.advance(papers.length)];
    return tagger.tag(paper.title(), paper.abstractText());
  }

  @Benchmark
  public void tokenize(Cursor cursor, Blackhole sink) {
    Paper paper = papers[cursor.advance(papers.length)];
    sink.consume(tokenizer.tokenize(paper.title()));
    sink.consume(tokenizer.tokenize(paper.abstractText()));
  }

  @Benchmark
  public TopicScores topics(Cursor cursor) {
    int i = cursor.advance(papers.length);
    TopicScores scores = cursor.scores(topics);
    topics.score(
        titles[i],
        TaggerConfig.DEFAULT.titleWeight(),
        bodies[i],
        TaggerConfig.DEFAULT.parentShare(),
        scores);
    return scores;
  }

  @Benchmark
  public List<Keyphrase> keyphrases(Cursor cursor) {
    int i = cursor.advance(papers.length);
    return keyphrases.extract(titles[i], bodies[i], TaggerConfig.DEFAULT.maxKeyphrases());
  }
}
