package io.paperpulse.streams.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.streams.topology.intake.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeadLetterProductionHandlerTest {

  private static final byte[] SOURCE_KEY = "key-bytes".getBytes(StandardCharsets.UTF_8);
  private static final byte[] SOURCE_VALUE = "value-bytes".getBytes(StandardCharsets.UTF_8);
  private static final ProducerRecord<byte[], byte[]> OUTPUT =
      new ProducerRecord<>("papers-tagged", new byte[] {1}, new byte[] {2});

  private DeadLetterProductionHandler handler;

  @BeforeEach
  void configure() {
    handler = new DeadLetterProductionHandler();
    handler.configure(
        Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "papers-dlq"));
  }

  private static String header(Headers headers, String name) {
    return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  @Test
  void tooLargeOutputBecomesADeadLetterWithTheSourceBytesAndTheProductionStage() {
    ProductionExceptionHandler.Response response =
        handler.handleError(
            new SourceContext(), OUTPUT, new RecordTooLargeException("2000000 bytes"));

    assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
    assertThat(response.deadLetterQueueRecords()).hasSize(1);
    ProducerRecord<byte[], byte[]> letter = response.deadLetterQueueRecords().get(0);
    assertThat(letter.topic()).isEqualTo("papers-dlq");
    assertThat(letter.key()).isEqualTo(SOURCE_KEY);
    assertThat(letter.value()).isEqualTo(SOURCE_VALUE);
    assertThat(header(letter.headers(), DeadLetter.HEADER_STAGE)).isEqualTo("production");
    assertThat(header(letter.headers(), DeadLetter.HEADER_EXCEPTION))
        .isEqualTo(RecordTooLargeException.class.getName());
    assertThat(header(letter.headers(), DeadLetter.HEADER_MESSAGE))
        .contains("papers-tagged", "2000000 bytes");
    assertThat(header(letter.headers(), DeadLetter.HEADER_TOPIC)).isEqualTo("papers");
    assertThat(header(letter.headers(), DeadLetter.HEADER_PARTITION)).isEqualTo("2");
    assertThat(header(letter.headers(), DeadLetter.HEADER_OFFSET)).isEqualTo("41");
  }

  @Test
  void unserializableOutputBecomesADeadLetter() {
    ProductionExceptionHandler.Response response =
        handler.handleSerializationError(
            new SourceContext(),
            OUTPUT,
            new SerializationException("bad"),
            ProductionExceptionHandler.SerializationExceptionOrigin.VALUE);

    assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
    assertThat(response.deadLetterQueueRecords())
        .singleElement()
        .satisfies(
            letter ->
                assertThat(header(letter.headers(), DeadLetter.HEADER_STAGE))
                    .isEqualTo("production"));
  }

  @Test
  void clusterErrorsAreRetriedOrFatalAndNeverResumed() {
    assertThat(
            handler
                .handleError(new SourceContext(), OUTPUT, new NotEnoughReplicasException("isr"))
                .result())
        .isEqualTo(ProductionExceptionHandler.Result.RETRY);
    ProductionExceptionHandler.Response fatal =
        handler.handleError(new SourceContext(), OUTPUT, new AuthorizationException("denied"));
    assertThat(fatal.result()).isEqualTo(ProductionExceptionHandler.Result.FAIL);
    assertThat(fatal.deadLetterQueueRecords())
        .allSatisfy(
            letter ->
                assertThat(header(letter.headers(), DeadLetter.HEADER_STAGE))
                    .isEqualTo("production"));
  }

  /** The context of a record read from papers partition 2 at offset 41. */
  private static final class SourceContext implements ErrorHandlerContext {
    @Override
    public String topic() {
      return "papers";
    }

    @Override
    public int partition() {
      return 2;
    }

    @Override
    public long offset() {
      return 41;
    }

    @Override
    public Headers headers() {
      return new RecordHeaders();
    }

    @Override
    public String processorNodeId() {
      return "papers-tagged-sink";
    }

    @Override
    public TaskId taskId() {
      return new TaskId(0, 2);
    }

    @Override
    public long timestamp() {
      return 0;
    }

    @Override
    public byte[] sourceRawKey() {
      return SOURCE_KEY;
    }

    @Override
    public byte[] sourceRawValue() {
      return SOURCE_VALUE;
    }
  }
}
