package io.paperpulse.streams.topology.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperpulse.schema.TagKind;
import io.paperpulse.schema.TrendAlert;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

class BinaryAvroSerdeTest {

  private static TrendAlert alert(String tag, TagKind kind, long papers) {
    LocalDate day = LocalDate.of(2026, 12, 7);
    return new TrendAlert(tag, kind, "day", day, day.plusDays(1), papers, 2 * papers, 1.5, 4.0);
  }

  private static byte[] plainAvro(TrendAlert alert) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<TrendAlert>(TrendAlert.class).write(alert, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  @Test
  void writesPlainAvroBinaryAndReadsItBack() throws IOException {
    BinaryAvroSerde<TrendAlert> serde = new BinaryAvroSerde<>(TrendAlert.class);
    TrendAlert alert = alert("diffusion", TagKind.KEYPHRASE, 5);
    byte[] bytes = serde.serializer().serialize("any", alert);
    assertThat(bytes).isEqualTo(plainAvro(alert));
    assertThat(serde.deserializer().deserialize("any", bytes)).isEqualTo(alert);
    assertThat(serde.serializer().serialize("any", null)).isNull();
  }

  @Test
  void aWriteThatFailsHalfwayLeavesNothingInTheNextRecord() throws IOException {
    BinaryAvroSerde<TrendAlert> serde = new BinaryAvroSerde<>(TrendAlert.class);
    // the tag is encoded before the missing kind fails the write
    assertThatThrownBy(() -> serde.serializer().serialize("any", alert("a-long-tag", null, 1)))
        .isInstanceOf(RuntimeException.class);
    TrendAlert alert = alert("llm", TagKind.TOPIC, 7);
    assertThat(serde.serializer().serialize("any", alert)).isEqualTo(plainAvro(alert));
  }
}
