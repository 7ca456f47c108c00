package io.paperpulse.streams.papers;

import io.paperpulse.schema.TopPaper;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.trending.TrendingStoreKeys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import org.apache.kafka.common.utils.Bytes;

/**
 * Order-preserving keys of the paper rank index: ascending byte order is rank order, upvotes
 * descending, then the newest publication first, then paper id. The first five bytes are the
 * bucket's key ({@link TrendingStoreKeys#bucketPrefix}), so a bucket's top papers are one prefix
 * scan:
 *
 * <pre>granularity (1) | bucket start (4) | upvotes desc (4) | publishedAt desc (8) | id UTF-8 asc
 * </pre>
 */
public final class PaperRankKeys {

  /** Rank order of entries, the order their index keys sort in. */
  public static final Comparator<TopPaper> RANK_ORDER =
      Comparator.comparingInt((TopPaper paper) -> -paper.getUpvotes())
          .thenComparing(TopPaper::getPublishedAt, Comparator.reverseOrder())
          .thenComparing(TopPaper::getId);

  private PaperRankKeys() {}

  public static Bytes indexKey(Granularity granularity, LocalDate bucketStart, TopPaper paper) {
    byte[] prefix = TrendingStoreKeys.bucketPrefix(granularity, bucketStart).get();
    byte[] id = paper.getId().getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(
        ByteBuffer.allocate(prefix.length + Integer.BYTES + Long.BYTES + id.length)
            .put(prefix)
            .putInt(~(paper.getUpvotes() ^ Integer.MIN_VALUE))
            .putLong(~(paper.getPublishedAt().toEpochMilli() ^ Long.MIN_VALUE))
            .put(id)
            .array());
  }
}
