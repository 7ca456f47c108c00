package io.paperpulse.streams.topology.output;

import static io.paperpulse.streams.testing.Papers.paper;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.schema.TagCountKey;
import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import io.paperpulse.streams.testing.TopologyTestBase;
import io.paperpulse.streams.topology.intake.DeadLetter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

class OversizedOutputTopologyTest extends TopologyTestBase {

  private static final LocalDate DAY = LocalDate.of(2024, 1, 8);
  private static final int LIMIT = 2_000;

  @Override
  protected PaperPulseStreamsConfig config() {
    return new PaperPulseStreamsConfig(
        Map.of(PaperPulseStreamsConfig.MAX_OUTPUT_RECORD_BYTES_CONFIG, LIMIT));
  }

  @Test
  void taggedPaperOverTheLimitBecomesAProductionDeadLetterAndProcessingGoesOn() {
    // valid for validation (titles have no length rule), but its tagged form cannot fit the limit
    String longTitle = "Diffusion " + "word ".repeat(LIMIT / 5);
    harness.upsert(paper("small", "Diffusion", "", DAY, 1));
    harness.upsert(paper("huge", longTitle, "", DAY, 2));
    harness.upsert(paper("small2", "Diffusion", "", DAY, 3));

    assertThat(harness.taggedRecords())
        .extracting(record -> record.key)
        .containsExactly("small", "small2");

    List<TestRecord<byte[], byte[]>> letters = harness.deadLetters();
    assertThat(letters).hasSize(1);
    TestRecord<byte[], byte[]> letter = letters.get(0);
    assertThat(header(letter.headers(), DeadLetter.HEADER_STAGE)).isEqualTo("production");
    assertThat(header(letter.headers(), DeadLetter.HEADER_EXCEPTION))
        .isEqualTo(RecordTooLargeException.class.getName());
    assertThat(header(letter.headers(), DeadLetter.HEADER_MESSAGE))
        .contains(harness.topics().papersTagged())
        .contains("2,000 bytes");
    assertThat(header(letter.headers(), DeadLetter.HEADER_TOPIC))
        .isEqualTo(harness.topics().papers());
    assertThat(header(letter.headers(), DeadLetter.HEADER_OFFSET)).isEqualTo("1");
    assertThat(letter.key())
        .isEqualTo(
            harness
                .serdes()
                .stringKey()
                .serializer()
                .serialize(harness.topics().papersTagged(), "huge"));
    assertThat(letter.value()).isNull();

    // the paper itself is valid, so the counts include it: only its papers-tagged record is missing
    var counts = harness.tagCounts();
    var diffusionDay = counts.get(new TagCountKey("diffusion", "day", DAY));
    assertThat(diffusionDay.getPaperCount()).isEqualTo(3);
    assertThat(diffusionDay.getUpvoteSum()).isEqualTo(6);
  }

  @Test
  void recordsUnderTheLimitAreWrittenUnchanged() {
    harness.upsert(paper("p1", "Diffusion", "", DAY, 1));

    List<KeyValue<String, io.paperpulse.schema.TaggedPaper>> tagged = harness.taggedRecords();
    assertThat(tagged).hasSize(1);
    assertThat(tagged.get(0).value.getPaper().getTitle()).isEqualTo("Diffusion");
    assertThat(harness.tagCounts()).isNotEmpty();
    assertThat(harness.trending()).isNotEmpty();
    assertThat(harness.deadLetters()).isEmpty();
  }
}
