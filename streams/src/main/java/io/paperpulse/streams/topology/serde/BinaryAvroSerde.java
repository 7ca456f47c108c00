package io.paperpulse.streams.topology.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Plain Avro binary of a generated class: no magic byte, no schema id, no registry. For the
 * application's own repartition topics and stores, which only this application reads, with the
 * schema it was built with; the output topics use the registry's wire format.
 *
 * <p>One instance serves every stream thread; each thread keeps its own encoder, decoder and
 * buffer.
 *
 * @param <T> the generated class
 */
public final class BinaryAvroSerde<T extends SpecificRecord> implements Serde<T> {

  private final ThreadLocal<Codec<T>> codecs;

  public BinaryAvroSerde(Class<T> type) {
    Schema schema = SpecificData.get().getSchema(type);
    this.codecs = ThreadLocal.withInitial(() -> new Codec<>(schema));
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> value == null ? null : codecs.get().write(value);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> bytes == null ? null : codecs.get().read(bytes);
  }

  /** A writer and a reader with their reusable buffers, for one thread. */
  private static final class Codec<T> {
    private final SpecificDatumWriter<T> writer;
    private final SpecificDatumReader<T> reader;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    private BinaryEncoder encoder;
    private BinaryDecoder decoder;

    private Codec(Schema schema) {
      this.writer = new SpecificDatumWriter<>(schema);
      this.reader = new SpecificDatumReader<>(schema);
    }

    private byte[] write(T value) {
      // a buffered encoder hands the stream one write per record instead of one per field (each a
      // lock of the stream); reconfiguring it first flushes what a failed write left, then dropped
      encoder = EncoderFactory.get().binaryEncoder(out, encoder);
      out.reset();
      try {
        writer.write(value, encoder);
        encoder.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toByteArray();
    }

    private T read(byte[] bytes) {
      decoder = DecoderFactory.get().binaryDecoder(bytes, decoder);
      try {
        return reader.read(null, decoder);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
