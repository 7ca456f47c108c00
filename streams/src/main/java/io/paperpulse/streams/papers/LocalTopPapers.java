package io.paperpulse.streams.papers;

import io.paperpulse.schema.Tag;
import io.paperpulse.schema.TaggedPaper;
import io.paperpulse.schema.TopPaper;
import io.paperpulse.schema.TopPapersPart;
import io.paperpulse.schema.TrendingKey;
import io.paperpulse.streams.buckets.BucketDate;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.topology.BatchedWrites;
import io.paperpulse.streams.topology.BlindDeletes;
import io.paperpulse.streams.topology.serde.BinaryAvroSerde;
import io.paperpulse.streams.trending.TrendingStoreKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.BytesSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The papers of one partition of {@code papers} ranked per bucket, and each bucket's top N among
 * them: that partition's part of every bucket's top papers.
 *
 * <p>Papers are partitioned by id, so a paper in a bucket's global top N is in the top N of its own
 * partition, and the union of the parts holds the exact global top N. The index is derived from the
 * tagged papers and has no changelog; it is rebuilt from them when the task starts, and the first
 * publication after that compares every bucket's part with the one last published (kept, with a
 * changelog, in the published store). Between publications only the buckets where a change reached
 * the top N are read again: a paper outside it, before and after the change, leaves the part as it
 * is.
 *
 * <p>A rebuild goes in steps ({@link #startRebuild}, {@link #rebuildStep}) between which the task
 * processes records, so a restarted task does not wait for it: changes are applied to the index
 * meanwhile, publications wait until it is whole, and queries are refused ({@link #REBUILDING}).
 * That is exact because each step reads the papers as they are then: a paper the rebuild has passed
 * is kept current by the changes, one it has not reached is indexed as it is when reached, and
 * writing an entry twice or deleting an absent one changes nothing.
 */
public final class LocalTopPapers {

  private static final Logger log = LoggerFactory.getLogger(LocalTopPapers.class);

  /** Receives a bucket's part that changed. */
  @FunctionalInterface
  public interface Publisher {
    void publish(TrendingKey bucket, TopPapersPart part);
  }

  /** Entries are written once per paper and stored under one key per granularity. */
  private static final BinaryAvroSerde<TopPaper> ENTRIES = new BinaryAvroSerde<>(TopPaper.class);

  private final KeyValueStore<Bytes, byte[]> index;
  private final KeyValueStore<Bytes, TopPapersPart> published;
  private final List<Granularity> granularities;
  private final BucketDate bucketBy;
  private final int topN;
  private final int partition;
  private final int rebuildStep;

  /** Buckets whose part the next publication compares with the part last published. */
  private final Set<Bytes> changed = new LinkedHashSet<>();

  /**
   * Per bucket, the index key of the last paper of the part last published when that part is a full
   * top N, or {@link #NOT_FULL}: an entry sorting after it cannot enter the top N, so a change
   * there needs no new look at the bucket. Read from the published parts when first needed.
   */
  private final Map<Bytes, Bytes> lastOfTop = new HashMap<>();

  private static final Bytes NOT_FULL = Bytes.wrap(new byte[0]);

  /**
   * Key held by the index while it is being rebuilt, for queries to see. Empty, so it sorts before
   * every entry and no bucket's prefix matches it.
   */
  static final Bytes REBUILDING = Bytes.wrap(new byte[0]);

  /**
   * Papers indexed per rebuild step (a few hundred milliseconds of work with a cold JIT); stale
   * entries deleted per step: this times the granularities.
   */
  static final int REBUILD_STEP = 5_000;

  /** Where a rebuild stands; null while the index is whole. */
  private Rebuild rebuild;

  public LocalTopPapers(
      KeyValueStore<Bytes, byte[]> index,
      KeyValueStore<Bytes, TopPapersPart> published,
      List<Granularity> granularities,
      BucketDate bucketBy,
      int topN,
      int partition) {
    this(index, published, granularities, bucketBy, topN, partition, REBUILD_STEP);
  }

  /** With {@code rebuildStep} papers per rebuild step instead of {@link #REBUILD_STEP}. */
  LocalTopPapers(
      KeyValueStore<Bytes, byte[]> index,
      KeyValueStore<Bytes, TopPapersPart> published,
      List<Granularity> granularities,
      BucketDate bucketBy,
      int topN,
      int partition,
      int rebuildStep) {
    this.index = index;
    this.published = published;
    this.granularities = List.copyOf(granularities);
    this.bucketBy = bucketBy;
    this.topN = topN;
    this.partition = partition;
    this.rebuildStep = rebuildStep;
  }

  /** A paper changed from {@code before} to {@code after} (either may be null). */
  public void changed(TaggedPaper before, TaggedPaper after) {
    TopPaper was = before == null ? null : entry(before);
    TopPaper is = after == null ? null : entry(after);
    byte[] stored = null;
    for (Granularity granularity : granularities) {
      Bytes oldKey = was == null ? null : indexKey(granularity, before, was);
      Bytes newKey = is == null ? null : indexKey(granularity, after, is);
      if (oldKey != null && oldKey.equals(newKey) && was.equals(is)) {
        continue;
      }
      if (oldKey != null) {
        BlindDeletes.delete(index, oldKey);
        markIfInTop(oldKey);
      }
      if (newKey != null) {
        if (stored == null) {
          stored = ENTRIES.serializer().serialize(null, is);
        }
        index.put(newKey, stored);
        markIfInTop(newKey);
      }
    }
  }

  /**
   * Marks the bucket of {@code key} for the next publication when the entry is, or may be, in its
   * top N.
   */
  private void markIfInTop(Bytes key) {
    Bytes bucket = TrendingStoreKeys.bucketPrefix(key);
    if (changed.contains(bucket)) {
      return;
    }
    if (rebuild != null) {
      // the part last published says nothing of an index not yet whole
      changed.add(bucket);
      return;
    }
    Bytes last = lastOfTop.computeIfAbsent(bucket, this::lastOfPublished);
    if (last == NOT_FULL || key.compareTo(last) <= 0) {
      changed.add(bucket);
    }
  }

  private Bytes lastOfPublished(Bytes bucket) {
    TopPapersPart part = published.get(bucket);
    if (part == null || part.getPapers().size() < topN) {
      return NOT_FULL;
    }
    TrendingKey key = TrendingStoreKeys.ranking(bucket);
    return PaperRankKeys.indexKey(
        Granularity.fromLabel(key.getGranularity()),
        key.getBucketStart(),
        part.getPapers().get(part.getPapers().size() - 1));
  }

  /**
   * Publishes the part of every bucket whose top N differs from the one last published; nothing
   * while the index is being rebuilt.
   */
  public void publishChanges(Publisher publisher) {
    if (rebuild != null) {
      return;
    }
    List<Bytes> buckets = new ArrayList<>(changed);
    changed.clear();
    buckets.forEach(bucket -> publishIfChanged(bucket, publisher));
  }

  /**
   * Starts making the index exactly the entries of {@code papers}, whatever it held; {@link
   * #rebuildStep} does the work. Once it is done, the next publication compares every bucket's part
   * with the one last published.
   */
  public void startRebuild(KeyValueStore<String, TaggedPaper> papers) {
    changed.clear();
    lastOfTop.clear();
    rebuild = new Rebuild(papers);
    index.put(REBUILDING, new byte[0]);
  }

  /**
   * Does the next step of the rebuild: deletes up to a step's stale entries, then indexes up to a
   * step's papers once none is left.
   *
   * @return whether the index is whole
   */
  public boolean rebuildStep() {
    if (rebuild == null) {
      return true;
    }
    rebuild.steps++;
    if (rebuild.clearing) {
      clearStep();
      if (rebuild.clearing) {
        return false;
      }
    }
    if (indexStep()) {
      finishRebuild();
    }
    return rebuild == null;
  }

  /** Deletes the next stale entries; the clearing ends when none is left. */
  private void clearStep() {
    int limit = rebuildStep * granularities.size();
    int deleted = 0;
    try (BatchedWrites<Bytes, byte[]> writes = new BatchedWrites<>(index);
        KeyValueIterator<Bytes, byte[]> it = index.range(rebuild.clearedTo, null)) {
      // a RocksDB iterator reads a snapshot, so deleting while iterating is safe
      while (it.hasNext() && deleted < limit) {
        Bytes stale = it.next().key;
        if (!stale.equals(REBUILDING)) {
          writes.put(stale, null);
          rebuild.clearedTo = stale;
          deleted++;
        }
      }
      rebuild.clearing = it.hasNext();
    }
  }

  /** Indexes the next papers; true once every paper is. */
  private boolean indexStep() {
    int indexed = 0;
    try (BatchedWrites<Bytes, byte[]> writes = new BatchedWrites<>(index);
        KeyValueIterator<String, TaggedPaper> it = rebuild.papers.range(rebuild.indexedTo, null)) {
      while (it.hasNext() && indexed < rebuildStep) {
        KeyValue<String, TaggedPaper> next = it.next();
        if (next.key.equals(rebuild.indexedTo)) {
          continue;
        }
        TopPaper entry = entry(next.value);
        byte[] stored = ENTRIES.serializer().serialize(null, entry);
        for (Granularity granularity : granularities) {
          Bytes key = indexKey(granularity, next.value, entry);
          writes.put(key, stored);
          changed.add(TrendingStoreKeys.bucketPrefix(key));
        }
        rebuild.indexedTo = next.key;
        rebuild.indexed++;
        indexed++;
      }
      return !it.hasNext();
    }
  }

  private void finishRebuild() {
    try (KeyValueIterator<Bytes, TopPapersPart> it = published.all()) {
      it.forEachRemaining(part -> changed.add(part.key));
    }
    BlindDeletes.delete(index, REBUILDING);
    log.info(
        "partition {}: paper ranks rebuilt from {} papers in {} steps, {} buckets, in {} ms",
        partition,
        rebuild.indexed,
        rebuild.steps,
        changed.size(),
        (System.nanoTime() - rebuild.started) / 1_000_000);
    rebuild = null;
  }

  /** A rebuild's progress: the last stale entry deleted, then the last paper indexed. */
  private static final class Rebuild {
    private final KeyValueStore<String, TaggedPaper> papers;
    private final long started = System.nanoTime();
    private boolean clearing = true;
    private Bytes clearedTo;
    private String indexedTo;
    private long indexed;
    private int steps;

    private Rebuild(KeyValueStore<String, TaggedPaper> papers) {
      this.papers = papers;
    }
  }

  private Bytes indexKey(Granularity granularity, TaggedPaper paper, TopPaper entry) {
    return PaperRankKeys.indexKey(
        granularity, granularity.bucketStart(bucketBy.of(paper.getPaper())), entry);
  }

  /** An entry as the paper-ranks store holds it. */
  public static TopPaper entry(byte[] stored) {
    return ENTRIES.deserializer().deserialize(null, stored);
  }

  /** What a ranking shows of a paper, rank 0. */
  static TopPaper entry(TaggedPaper tagged) {
    Set<String> tags = new LinkedHashSet<>();
    for (Tag tag : tagged.getTags()) {
      tags.add(tag.getName());
    }
    return new TopPaper(
        tagged.getPaper().getId(),
        tagged.getPaper().getTitle(),
        tagged.getPaper().getUpvotes(),
        tagged.getPaper().getPublishedAt(),
        tagged.getPaper().getUrl(),
        List.copyOf(tags),
        0);
  }

  private void publishIfChanged(Bytes bucket, Publisher publisher) {
    List<TopPaper> top = new ArrayList<>(topN);
    Bytes last = NOT_FULL;
    try (KeyValueIterator<Bytes, byte[]> it = index.prefixScan(bucket, new BytesSerializer())) {
      while (it.hasNext() && top.size() < topN) {
        KeyValue<Bytes, byte[]> next = it.next();
        top.add(entry(next.value));
        last = next.key;
      }
    }
    lastOfTop.put(bucket, top.size() < topN ? NOT_FULL : last);
    TopPapersPart previous = published.get(bucket);
    if (previous == null ? top.isEmpty() : previous.getPapers().equals(top)) {
      return;
    }
    TopPapersPart part = new TopPapersPart(partition, top);
    if (top.isEmpty()) {
      BlindDeletes.delete(published, bucket);
    } else {
      published.put(bucket, part);
    }
    publisher.publish(TrendingStoreKeys.ranking(bucket), part);
  }
}
