package io.paperpulse.streams.topology.tagging;

import io.paperpulse.schema.PaperEvent;
import io.paperpulse.schema.Tag;
import io.paperpulse.schema.TaggedPaper;
import io.paperpulse.streams.metrics.PipelineMetrics;
import io.paperpulse.streams.metrics.PipelineMetrics.PaperOutcome;
import io.paperpulse.streams.topology.BlindDeletes;
import io.paperpulse.streams.topology.intake.PaperIntake;
import io.paperpulse.tagging.Tagger;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies accepted paper versions to the store of latest tagged papers and emits what changed.
 *
 * <p>The store holds each paper's previous version: that is what lets downstream retract exactly
 * the contributions the paper made before. An identical redelivery emits nothing, so duplicates
 * cannot change any result.
 */
public final class TagPaperProcessor
    implements Processor<String, PaperIntake, String, PaperChange> {

  private final Tagger tagger;
  private final String storeName;
  private final PipelineMetrics metrics;
  private ProcessorContext<String, PaperChange> context;
  private KeyValueStore<String, TaggedPaper> store;

  public TagPaperProcessor(Tagger tagger, String storeName) {
    this(tagger, storeName, PipelineMetrics.NONE);
  }

  public TagPaperProcessor(Tagger tagger, String storeName, PipelineMetrics metrics) {
    this.tagger = tagger;
    this.storeName = storeName;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, PaperChange> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, PaperIntake> record) {
    if (!(record.value() instanceof PaperIntake.Accepted accepted)) {
      return;
    }
    String id = record.key();
    TaggedPaper before = store.get(id);
    if (accepted.isDelete()) {
      if (before != null) {
        BlindDeletes.delete(store, id);
        context.forward(record.withValue(new PaperChange(before, null)));
      }
      metrics.paperProcessed(before == null ? PaperOutcome.UNCHANGED : PaperOutcome.DELETED);
      return;
    }
    TaggedPaper after = tag(accepted.paper(), before);
    if (after.equals(before)) {
      metrics.paperProcessed(PaperOutcome.UNCHANGED);
      return;
    }
    store.put(id, after);
    metrics.paperProcessed(before == null ? PaperOutcome.ADDED : PaperOutcome.UPDATED);
    metrics.paperTagged(after.getTags().size());
    context.forward(record.withValue(new PaperChange(before, after)));
  }

  private TaggedPaper tag(PaperEvent paper, TaggedPaper before) {
    // The tagger is pure, so unchanged text under the same tagger version keeps its tags; this
    // spares the extraction work for the common case of upvote-only updates and redeliveries.
    List<Tag> tags =
        before != null
                && tagger.version().equals(before.getTaggerVersion())
                && Objects.equals(paper.getTitle(), before.getPaper().getTitle())
                && Objects.equals(paper.getAbstract$(), before.getPaper().getAbstract$())
            ? before.getTags()
            : tagger.tag(paper.getTitle(), paper.getAbstract$());
    return TaggedPaper.newBuilder()
        .setPaper(paper)
        .setTags(List.copyOf(tags))
        .setTaggerVersion(tagger.version())
        .build();
  }
}
