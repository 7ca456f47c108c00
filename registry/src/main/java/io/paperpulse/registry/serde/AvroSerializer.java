package io.paperpulse.registry.serde;

import io.paperpulse.registry.client.RegisteredSchema;
import io.paperpulse.registry.client.SchemaRegistryClient;
import io.paperpulse.registry.client.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes values in Confluent's wire format, like Confluent's KafkaAvroSerializer: Avro records
 * (specific or generic) and the Java primitives String, Integer, Long, Float, Double, Boolean and
 * byte[]. The subject is {@code <topic>-key} or {@code <topic>-value}. Schema ids and datum writers
 * are cached per subject and schema, so after the first record of a type the hot path makes no
 * registry call.
 *
 * <p>Config (Confluent names): {@code schema.registry.url} and the client options of {@link
 * io.paperpulse.registry.client.ClientSettings}, {@code auto.register.schemas} (default true; false
 * looks the schema up instead), {@code use.latest.version} (write with the subject's latest
 * schema), {@code latest.cache.ttl.sec} (how long that latest schema is reused; -1, the default,
 * means forever).
 */
public class AvroSerializer<T> implements Serializer<T> {

  private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

  private final RegistryClients clients;
  private final Map<SubjectSchema, PreparedWriter> writers = new ConcurrentHashMap<>();

  /** Topic to subject, so the hot path neither concatenates strings nor rehashes new ones. */
  private final Map<String, String> subjects = new ConcurrentHashMap<>();

  private SerdeSettings settings = SerdeSettings.fromConfig(Map.of());
  private boolean isKey;

  /**
   * The buffers of the thread that wrote last. A serializer is mostly used by one thread (a
   * producer's caller, a stream thread), which then finds its own buffers with one field read
   * instead of a lookup in its thread-local map, a measurable share of writing a small record.
   */
  private volatile Buffers recent;

  private record SubjectSchema(String subject, Schema schema) {}

  /**
   * The writer used last and what it was found by. A serializer mostly writes one type to one topic
   * (an output of a topology, a producer's values), which then skips both map lookups.
   */
  private record LastWriter(String topic, Schema schema, String subject, PreparedWriter prepared) {}

  private volatile LastWriter lastWriter;

  /** How one schema of one subject is written: registry id, writer, and when that was decided. */
  private record PreparedWriter(
      int id, DatumWriter<Object> writer, Transcoder transcoder, long preparedAtNanos) {}

  /**
   * For Kafka's reflective instantiation; {@link #configure} must supply {@code
   * schema.registry.url}.
   */
  public AvroSerializer() {
    this(null);
  }

  /**
   * Uses (and never closes) a shared client; {@link #configure} may still be called for the other
   * options.
   */
  public AvroSerializer(SchemaRegistryClient client) {
    this.clients = new RegistryClients(client);
  }

  /** A ready serializer on a shared client, with the default options. */
  public AvroSerializer(SchemaRegistryClient client, boolean isKey) {
    this(client);
    this.isKey = isKey;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.settings = SerdeSettings.fromConfig(configs);
    this.isKey = isKey;
    clients.configure(configs);
    writers.clear();
    subjects.clear();
    lastWriter = null;
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    Schema schema = PrimitiveSchemas.schemaOf(data);
    LastWriter last = lastWriter;
    // identity, not equality: the same topic and schema objects again is the case worth a shortcut
    if (last == null
        || last.topic() != topic
        || last.schema() != schema
        || expired(last.prepared())) {
      String subject = subjects.computeIfAbsent(topic, t -> SubjectNames.forTopic(t, isKey));
      last = new LastWriter(topic, schema, subject, writerFor(subject, schema, data));
      lastWriter = last;
    }
    String subject = last.subject();
    PreparedWriter prepared = last.prepared();
    Object datum = PrimitiveSchemas.toAvro(data);
    if (prepared.transcoder() != null) {
      datum = prepared.transcoder().apply(datum);
    }
    Buffers buffers = buffers();
    ByteArrayOutputStream out = buffers.out;
    // reconfiguring flushes what a failed write left in the encoder; the reset then drops it
    buffers.encoder = EncoderFactory.get().binaryEncoder(out, buffers.encoder);
    out.reset();
    WireFormat.writeHeader(buffers.header, prepared.id());
    out.writeBytes(buffers.header);
    try {
      prepared.writer().write(datum, buffers.encoder);
      buffers.encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "cannot write "
              + describe(data)
              + " as Avro for subject "
              + subject
              + ": "
              + e.getMessage(),
          e);
    }
    return out.toByteArray();
  }

  private Buffers buffers() {
    Buffers buffers = recent;
    if (buffers == null || buffers.owner != Thread.currentThread()) {
      buffers = BUFFERS.get();
      recent = buffers;
    }
    return buffers;
  }

  /** One thread's reusable output buffer and encoder: only that thread touches them. */
  private static final class Buffers {
    private final Thread owner = Thread.currentThread();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    private final byte[] header = new byte[WireFormat.HEADER_SIZE];
    private BinaryEncoder encoder;
  }

  @Override
  public void close() {
    clients.close();
  }

  private PreparedWriter writerFor(String subject, Schema schema, Object sample) {
    SubjectSchema key = new SubjectSchema(subject, schema);
    PreparedWriter prepared = writers.get(key);
    if (prepared != null && !expired(prepared)) {
      return prepared;
    }
    prepared = prepare(subject, schema, sample);
    writers.put(key, prepared);
    return prepared;
  }

  private boolean expired(PreparedWriter prepared) {
    return settings.useLatestVersion()
        && settings.latestCacheTtlMillis() >= 0
        && System.nanoTime() - prepared.preparedAtNanos()
            > settings.latestCacheTtlMillis() * 1_000_000L;
  }

  private PreparedWriter prepare(String subject, Schema schema, Object sample) {
    SchemaRegistryClient client = clients.get();
    try {
      if (settings.useLatestVersion()) {
        RegisteredSchema latest = client.latestVersion(subject);
        if (latest.schema().equals(schema)) {
          return new PreparedWriter(
              latest.id(), writerFor(schema, sample), null, System.nanoTime());
        }
        return new PreparedWriter(
            latest.id(),
            new GenericDatumWriter<>(latest.schema(), GenericData.get()),
            new Transcoder(schema, latest.schema(), writerFor(schema, sample)),
            System.nanoTime());
      }
      int id =
          settings.autoRegister()
              ? client.register(subject, schema)
              : client.lookup(subject, schema).id();
      return new PreparedWriter(id, writerFor(schema, sample), null, System.nanoTime());
    } catch (SchemaRegistryException e) {
      String action =
          settings.useLatestVersion()
              ? "fetch the latest schema of"
              : settings.autoRegister() ? "register schema under" : "find schema in";
      throw new SerializationException(
          "cannot " + action + " subject " + subject + ": " + e.getMessage(), e);
    }
  }

  private static DatumWriter<Object> writerFor(Schema schema, Object sample) {
    if (sample instanceof SpecificRecord) {
      // the class's own model carries its logical-type conversions (Instant, LocalDate)
      return new SpecificDatumWriter<>(schema, SpecificData.getForClass(sample.getClass()));
    }
    return new GenericDatumWriter<>(schema, GenericModels.WITH_LOGICAL_TYPES);
  }

  private static String describe(Object data) {
    return data.getClass().getName();
  }

  /**
   * Turns a value of the application's schema into one of the registry's latest schema
   * (use.latest.version) by Avro schema resolution: encode with the own schema, decode with the
   * latest as reader schema.
   */
  private static final class Transcoder {
    private final GenericDatumReader<Object> reader;
    private final DatumWriter<Object> ownWriter;

    Transcoder(Schema own, Schema latest, DatumWriter<Object> ownWriter) {
      this.reader = new GenericDatumReader<>(own, latest, GenericData.get());
      this.ownWriter = ownWriter;
    }

    Object apply(Object datum) {
      try {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(buffer, null);
        ownWriter.write(datum, encoder);
        encoder.flush();
        return reader.read(null, DecoderFactory.get().binaryDecoder(buffer.toByteArray(), null));
      } catch (IOException | RuntimeException e) {
        throw new SerializationException(
            "value does not fit the subject's latest schema: " + e.getMessage(), e);
      }
    }
  }
}
