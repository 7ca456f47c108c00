package io.paperpulse.streams.topology.counts;

import io.paperpulse.schema.TagCount;
import io.paperpulse.schema.TagDayDelta;
import io.paperpulse.schema.TagKind;
import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What the counting store keeps per (granularity, tag, bucket): the tag's kind, the live papers
 * with the tag in the bucket and their upvotes. The key says the rest, so the value is 17 bytes.
 */
public record Count(TagKind kind, long papers, long upvotes) {

  private static final int BYTES = 1 + Long.BYTES + Long.BYTES;
  private static final TagKind[] KINDS = TagKind.values();

  /** {@code current} (null: no paper yet) changed by {@code delta}; null once no paper is left. */
  public static Count apply(Count current, TagDayDelta delta) {
    long papers = (current == null ? 0 : current.papers) + delta.getPaperDelta();
    long upvotes = (current == null ? 0 : current.upvotes) + delta.getUpvoteDelta();
    if (papers == 0) {
      return null;
    }
    // the latest addition decides the kind, as a retraction carries the kind it had then
    TagKind kind = current == null || delta.getPaperDelta() > 0 ? delta.getKind() : current.kind;
    return new Count(kind, papers, upvotes);
  }

  /**
   * {@code current} (null: no paper) changed as a part of it changed from {@code before} to {@code
   * after} (either null: no paper); null once no paper is left. The kind is the part's kind now.
   */
  public static Count shift(Count current, Count before, Count after) {
    long papers = papers(current) - papers(before) + papers(after);
    if (papers == 0) {
      return null;
    }
    long upvotes = upvotes(current) - upvotes(before) + upvotes(after);
    TagKind kind = after != null ? after.kind : current != null ? current.kind : before.kind;
    return new Count(kind, papers, upvotes);
  }

  private static long papers(Count count) {
    return count == null ? 0 : count.papers;
  }

  private static long upvotes(Count count) {
    return count == null ? 0 : count.upvotes;
  }

  /** This count as the tag-counts record of {@code key}. */
  public TagCount toTagCount(CountKey key) {
    return TagCount.newBuilder()
        .setTag(key.tag())
        .setKind(kind)
        .setGranularity(key.granularity().label())
        .setBucketStart(key.bucketStart())
        .setBucketEnd(key.granularity().bucketEnd(key.bucketStart()))
        .setPaperCount(papers)
        .setUpvoteSum(upvotes)
        .build();
  }

  /** Fixed-width binary: kind ordinal, paper count, upvote sum. */
  public static Serde<Count> serde() {
    Serializer<Count> serializer =
        (topic, count) ->
            count == null
                ? null
                : ByteBuffer.allocate(BYTES)
                    .put((byte) count.kind.ordinal())
                    .putLong(count.papers)
                    .putLong(count.upvotes)
                    .array();
    Deserializer<Count> deserializer =
        (topic, bytes) -> {
          if (bytes == null) {
            return null;
          }
          ByteBuffer buffer = ByteBuffer.wrap(bytes);
          return new Count(KINDS[buffer.get()], buffer.getLong(), buffer.getLong());
        };
    return Serdes.serdeFrom(serializer, deserializer);
  }
}
