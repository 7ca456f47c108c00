package io.paperpulse.streams.topology.counts;

import static io.paperpulse.streams.testing.Papers.paper;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.schema.Tag;
import io.paperpulse.schema.TagDayDelta;
import io.paperpulse.schema.TagDayDeltas;
import io.paperpulse.schema.TagKind;
import io.paperpulse.schema.TaggedPaper;
import io.paperpulse.streams.buckets.BucketDate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

class TagDeltasTest {

  private static final LocalDate DAY = LocalDate.of(2024, 5, 6);

  private static TaggedPaper tagged(int upvotes, LocalDate day, String... tags) {
    List<Tag> list = new ArrayList<>();
    for (String tag : tags) {
      list.add(new Tag(tag, TagKind.KEYPHRASE, 1.0));
    }
    return new TaggedPaper(paper("p", "title", "", day, upvotes), list, "test");
  }

  @Test
  void oneRecordPerCountingPartitionHoldingExactlyThatPartitionsTags() {
    String[] tags = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"};

    List<KeyValue<Integer, TagDayDeltas>> records =
        TagDeltas.between(null, tagged(5, DAY, tags), 3, BucketDate.PUBLISHED);

    assertThat(records).hasSizeLessThanOrEqualTo(3);
    assertThat(records.stream().map(record -> record.key).distinct().count())
        .isEqualTo(records.size());
    List<String> sent = new ArrayList<>();
    for (KeyValue<Integer, TagDayDeltas> record : records) {
      for (TagDayDelta delta : record.value.getDeltas()) {
        assertThat(TagPartitioner.partition(delta.getTag(), 3)).isEqualTo(record.key);
        assertThat(delta.getPaperDelta()).isEqualTo(1);
        assertThat(delta.getUpvoteDelta()).isEqualTo(5);
        sent.add(delta.getTag());
      }
    }
    assertThat(sent).containsExactlyInAnyOrder(tags);
  }

  @Test
  void aChangeSendsOnlyWhatDoesNotCancelOut() {
    TaggedPaper before = tagged(5, DAY, "kept", "lost");
    TaggedPaper after = tagged(5, DAY, "kept", "gained");

    List<TagDayDelta> deltas = new ArrayList<>();
    TagDeltas.between(before, after, 1, BucketDate.PUBLISHED)
        .forEach(record -> deltas.addAll(record.value.getDeltas()));

    assertThat(deltas)
        .extracting(TagDayDelta::getTag, TagDayDelta::getPaperDelta)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("lost", -1),
            org.assertj.core.groups.Tuple.tuple("gained", 1));
    assertThat(TagDeltas.between(after, after, 4, BucketDate.PUBLISHED)).isEmpty();
  }
}
