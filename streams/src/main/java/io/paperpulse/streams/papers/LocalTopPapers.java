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
 * tagged papers and has no changelog; it is rebuilt from them when the task starts ({@link
 * #rebuild}), and the first publication after that compares every bucket's part with the one last
 * published (kept, with a changelog, in the published store). Between publications only the buckets
 * where a change reached the top N are read again: a paper outside it, before and after the change,
 * leaves the part as it is.
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

  /** Buckets whose part the next publication compares with the part last published. */
  private final Set<Bytes> changed = new LinkedHashSet<>();

  /**
   * Per bucket, the index key of the last paper of the part last published when that part is a full
   * top N, or {@link #NOT_FULL}: an entry sorting after it cannot enter the top N, so a change
   * there needs no new look at the bucket. Read from the published parts when first needed.
   */
  private final Map<Bytes, Bytes> lastOfTop = new HashMap<>();

  private static final Bytes NOT_FULL = Bytes.wrap(new byte[0]);

  public LocalTopPapers(
      KeyValueStore<Bytes, byte[]> index,
      KeyValueStore<Bytes, TopPapersPart> published,
      List<Granularity> granularities,
      BucketDate bucketBy,
      int topN,
      int partition) {
    this.index = index;
    this.published = published;
    this.granularities = List.copyOf(granularities);
    this.bucketBy = bucketBy;
    this.topN = topN;
    this.partition = partition;
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

  /** Publishes the part of every bucket whose top N differs from the one last published. */
  public void publishChanges(Publisher publisher) {
    List<Bytes> buckets = new ArrayList<>(changed);
    changed.clear();
    buckets.forEach(bucket -> publishIfChanged(bucket, publisher));
  }

  /**
   * Makes the index exactly the entries of {@code papers}, whatever it held, and has the next
   * publication compare every bucket's part with the one last published.
   */
  public void rebuild(KeyValueStore<String, TaggedPaper> papers) {
    long started = System.nanoTime();
    changed.clear();
    lastOfTop.clear();
    long entries = 0;
    try (BatchedWrites<Bytes, byte[]> writes = new BatchedWrites<>(index)) {
      // a RocksDB iterator reads a snapshot, so deleting while iterating is safe
      try (KeyValueIterator<Bytes, byte[]> it = index.all()) {
        it.forEachRemaining(stale -> writes.put(stale.key, null));
      }
      // every bucket is compared with its part at the next publication anyway, so nothing needs
      // to be marked per entry
      try (KeyValueIterator<String, TaggedPaper> it = papers.all()) {
        while (it.hasNext()) {
          TaggedPaper paper = it.next().value;
          TopPaper entry = entry(paper);
          byte[] stored = ENTRIES.serializer().serialize(null, entry);
          for (Granularity granularity : granularities) {
            Bytes key = indexKey(granularity, paper, entry);
            writes.put(key, stored);
            changed.add(TrendingStoreKeys.bucketPrefix(key));
          }
          entries++;
        }
      }
    }
    try (KeyValueIterator<Bytes, TopPapersPart> it = published.all()) {
      it.forEachRemaining(part -> changed.add(part.key));
    }
    log.info(
        "partition {}: paper ranks rebuilt from {} papers, {} buckets, in {} ms",
        partition,
        entries,
        changed.size(),
        (System.nanoTime() - started) / 1_000_000);
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
