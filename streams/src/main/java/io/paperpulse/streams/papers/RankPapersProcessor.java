package io.paperpulse.streams.papers;

import io.paperpulse.schema.TaggedPaper;
import io.paperpulse.schema.TopPapersPart;
import io.paperpulse.schema.TrendingKey;
import io.paperpulse.streams.buckets.BucketDate;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.topology.tagging.PaperChange;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the papers of this task ranked per bucket ({@link LocalTopPapers}) and, once per ranking
 * interval, forwards the parts of the buckets whose top N changed, keyed by the bucket. The ranks
 * are rebuilt from the tagged papers when the task starts, in steps between the records it
 * processes.
 */
public final class RankPapersProcessor
    implements Processor<String, PaperChange, TrendingKey, TopPapersPart> {

  /** Store names: the tagged papers (to rebuild from), the rank index, the parts last published. */
  public record Stores(String papers, String index, String published) {}

  /** Time between two steps of a rebuild, in which the task processes what it has polled. */
  private static final Duration REBUILD_PAUSE = Duration.ofMillis(1);

  private final Stores stores;
  private final List<Granularity> granularities;
  private final BucketDate bucketBy;
  private final Duration interval;
  private final int topN;

  private ProcessorContext<TrendingKey, TopPapersPart> context;
  private LocalTopPapers ranks;
  private Cancellable rebuilding;

  public RankPapersProcessor(
      Stores stores,
      List<Granularity> granularities,
      BucketDate bucketBy,
      Duration interval,
      int topN) {
    this.stores = stores;
    this.granularities = List.copyOf(granularities);
    this.bucketBy = bucketBy;
    this.interval = interval;
    this.topN = topN;
  }

  @Override
  public void init(ProcessorContext<TrendingKey, TopPapersPart> context) {
    this.context = context;
    ranks =
        new LocalTopPapers(
            context.getStateStore(stores.index()),
            context.getStateStore(stores.published()),
            granularities,
            bucketBy,
            topN,
            context.taskId().partition());
    KeyValueStore<String, TaggedPaper> papers = context.getStateStore(stores.papers());
    ranks.startRebuild(papers);
    // a small index is whole at once; a large one is rebuilt between the records the task
    // processes, so that a restarted task need not wait for it
    if (!ranks.rebuildStep()) {
      rebuilding =
          context.schedule(
              REBUILD_PAUSE,
              PunctuationType.WALL_CLOCK_TIME,
              now -> {
                if (ranks.rebuildStep()) {
                  rebuilding.cancel();
                }
              });
    }
    context.schedule(
        interval, PunctuationType.WALL_CLOCK_TIME, now -> ranks.publishChanges(this::forward));
  }

  @Override
  public void process(Record<String, PaperChange> record) {
    ranks.changed(record.value().before(), record.value().after());
  }

  private void forward(TrendingKey bucket, TopPapersPart part) {
    // the latest record time of the task: a part sums up records, and timestamps must not be
    // negative
    context.forward(new Record<>(bucket, part, Math.max(0, context.currentStreamTimeMs())));
  }
}
