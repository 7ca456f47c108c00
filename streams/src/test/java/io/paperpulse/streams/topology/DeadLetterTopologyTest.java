package io.paperpulse.streams.topology;

import static io.paperpulse.streams.testing.Papers.paper;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.schema.PaperEvent;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import io.paperpulse.streams.testing.TopologyTestBase;
import io.paperpulse.streams.topology.intake.DeadLetter;
import io.paperpulse.streams.topology.intake.ValidatePaperProcessor;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

class DeadLetterTopologyTest extends TopologyTestBase {

  private static final LocalDate DAY = LocalDate.of(2024, 1, 8);

  @Override
  protected PaperPulseStreamsConfig config() {
    return new PaperPulseStreamsConfig(
        Map.of(PaperPulseStreamsConfig.MAX_ABSTRACT_CHARS_CONFIG, 50));
  }

  @Test
  void invalidPapersGoToTheDeadLetterTopicWithOriginalBytesAndDetails() {
    var keySerializer = harness.serdes().stringKey().serializer();
    var valueSerializer = harness.serdes().value(PaperEvent.class).serializer();
    List<PaperEvent> invalid =
        List.of(
            paper("empty", "  ", "text", DAY, 0),
            paper("ancient", "Old", "", LocalDate.of(1850, 1, 1), 0),
            paper("future", "Soon", "", LocalDate.of(2024, 6, 5), 0),
            paper("long", "Long", "x".repeat(51), DAY, 0));
    String topic = harness.topics().papers();

    harness.upsert(paper("good", "Diffusion", "", DAY, 1));
    for (PaperEvent paper : invalid) {
      harness.pipeRaw(
          keySerializer.serialize(topic, paper.getId()), valueSerializer.serialize(topic, paper));
    }
    harness.upsert(paper("good2", "Diffusion", "", DAY, 1));

    List<TestRecord<byte[], byte[]>> letters = harness.deadLetters();
    assertThat(letters).hasSize(4);
    for (int i = 0; i < invalid.size(); i++) {
      PaperEvent paper = invalid.get(i);
      TestRecord<byte[], byte[]> letter = letters.get(i);
      assertThat(letter.key()).isEqualTo(keySerializer.serialize(topic, paper.getId()));
      assertThat(letter.value()).isEqualTo(valueSerializer.serialize(topic, paper));
      assertThat(header(letter.headers(), DeadLetter.HEADER_STAGE))
          .isEqualTo(ValidatePaperProcessor.STAGE)
          .isEqualTo("validation");
      assertThat(header(letter.headers(), DeadLetter.HEADER_TOPIC)).isEqualTo(topic);
      assertThat(header(letter.headers(), DeadLetter.HEADER_PARTITION)).isEqualTo("0");
      assertThat(header(letter.headers(), DeadLetter.HEADER_OFFSET))
          .isEqualTo(Integer.toString(i + 1));
      assertThat(header(letter.headers(), DeadLetter.HEADER_MESSAGE)).contains(paper.getId());
    }
    assertThat(letters)
        .extracting(letter -> header(letter.headers(), DeadLetter.HEADER_EXCEPTION))
        .containsExactly(
            "paperpulse.validation.empty-title",
            "paperpulse.validation.date-too-early",
            "paperpulse.validation.date-in-future",
            "paperpulse.validation.abstract-too-long");
    // processing went on: both valid papers count, none of the invalid ones do
    var counts = harness.tagCounts();
    assertThat(
            counts
                .get(new io.paperpulse.schema.TagCountKey("diffusion", "day", DAY))
                .getPaperCount())
        .isEqualTo(2);
    assertThat(counts.keySet()).extracting(key -> key.getTag()).containsOnly("diffusion");
    assertThat(counts).hasSize(Granularity.DEFAULTS.size());
  }

  @Test
  void keyThatDiffersFromPaperIdIsRejected() {
    var keySerializer = harness.serdes().stringKey().serializer();
    var valueSerializer = harness.serdes().value(PaperEvent.class).serializer();
    String topic = harness.topics().papers();

    harness.pipeRaw(
        keySerializer.serialize(topic, "other"),
        valueSerializer.serialize(topic, paper("p1", "T", "", DAY, 0)));

    assertThat(harness.deadLetters())
        .extracting(letter -> header(letter.headers(), DeadLetter.HEADER_EXCEPTION))
        .containsExactly("paperpulse.validation.key-mismatch");
    assertThat(harness.tagCounts()).isEmpty();
  }

  @Test
  void undecodableBytesGoToTheBuiltInDeadLetterQueueAndProcessingContinues() {
    byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
    var keySerializer = harness.serdes().stringKey().serializer();

    harness.pipeRaw(keySerializer.serialize(harness.topics().papers(), "bad"), garbage);
    harness.upsert(paper("good", "Diffusion", "", DAY, 1));

    List<TestRecord<byte[], byte[]>> letters = harness.deadLetters();
    assertThat(letters).hasSize(1);
    assertThat(letters.get(0).value()).isEqualTo(garbage);
    assertThat(header(letters.get(0).headers(), DeadLetter.HEADER_EXCEPTION)).isNotBlank();
    assertThat(header(letters.get(0).headers(), DeadLetter.HEADER_TOPIC))
        .isEqualTo(harness.topics().papers());
    assertThat(header(letters.get(0).headers(), DeadLetter.HEADER_STAGE))
        .isEqualTo("deserialization");
    assertThat(harness.tagCounts()).hasSize(Granularity.DEFAULTS.size());
  }
}
