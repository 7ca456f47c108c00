package io.paperpulse.registry.serde;

import io.paperpulse.registry.client.SchemaRegistryClient;
import io.paperpulse.registry.client.SchemaRegistryException;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire-format values. Three modes:
 *
 * <ul>
 *   <li>generic (default): records come back as {@code GenericRecord} in the writer's schema,
 *       top-level primitives as String, Integer, Long, Float, Double, Boolean or byte[];
 *   <li>specific: a generated class's schema is the reader schema, so data written with an older
 *       compatible schema is resolved into the current class (schema evolution);
 *   <li>{@code specific.avro.reader=true} in the config: the class named by each writer schema.
 * </ul>
 *
 * Datum readers are cached per schema id; a bad payload raises {@link SerializationException}
 * saying why.
 */
public class AvroDeserializer<T> implements Deserializer<T> {

  static final String SPECIFIC_AVRO_READER = "specific.avro.reader";

  private final RegistryClients clients;
  private final Schema fixedReaderSchema;
  private final GenericData fixedModel;
  private final String targetName;
  private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();
  private boolean specificByWriterName;

  /**
   * Generic reader, for Kafka's reflective instantiation; {@link #configure} supplies the registry.
   */
  public AvroDeserializer() {
    this((SchemaRegistryClient) null);
  }

  /** Generic reader on a shared client (never closed by this deserializer). */
  public AvroDeserializer(SchemaRegistryClient client) {
    this(client, null, null, "generic Avro");
  }

  /**
   * Specific reader for a generated class; {@code client} may be null when {@link #configure}
   * supplies it.
   */
  public AvroDeserializer(Class<T> specificClass, SchemaRegistryClient client) {
    this(
        client,
        SpecificData.getForClass(specificClass).getSchema(specificClass),
        SpecificData.getForClass(specificClass),
        specificClass.getName());
    if (!SpecificRecord.class.isAssignableFrom(specificClass)) {
      throw new IllegalArgumentException(
          specificClass.getName() + " is not a generated Avro SpecificRecord");
    }
  }

  /** Reads every payload into the given reader schema with the given data model. */
  AvroDeserializer(
      SchemaRegistryClient client, Schema readerSchema, GenericData model, String targetName) {
    this.clients = new RegistryClients(client);
    this.fixedReaderSchema = readerSchema;
    this.fixedModel = model;
    this.targetName = targetName;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    clients.configure(configs);
    Object specific = configs.get(SPECIFIC_AVRO_READER);
    specificByWriterName =
        fixedReaderSchema == null
            && specific != null
            && Boolean.parseBoolean(specific.toString().trim());
    readers.clear();
  }

  @Override
  @SuppressWarnings("unchecked")
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    int id = WireFormat.schemaId(data, topic);
    DatumReader<Object> reader = readerFor(id, topic);
    BinaryDecoder decoder =
        DecoderFactory.get()
            .binaryDecoder(
                data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, null);
    Object value;
    try {
      value = reader.read(null, decoder);
      if (!decoder.isEnd()) {
        throw new IOException("bytes left over after the value");
      }
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "corrupt Avro: cannot decode "
              + (data.length - WireFormat.HEADER_SIZE)
              + " bytes with schema id "
              + id
              + " on topic "
              + topic
              + ": "
              + describe(e),
          e);
    }
    return (T) PrimitiveSchemas.fromAvro(value);
  }

  @Override
  public void close() {
    clients.close();
  }

  private DatumReader<Object> readerFor(int id, String topic) {
    DatumReader<Object> reader = readers.get(id);
    if (reader == null) {
      reader = createReader(id, writerSchema(id, topic), topic);
      readers.put(id, reader);
    }
    return reader;
  }

  private Schema writerSchema(int id, String topic) {
    try {
      return clients.get().getById(id);
    } catch (SchemaRegistryException e) {
      if (e.isNotFound()) {
        throw new SerializationException(
            "unknown schema id "
                + id
                + " on topic "
                + topic
                + ": the schema registry does not know it ("
                + e.getMessage()
                + ")",
            e);
      }
      throw new SerializationException(
          "cannot fetch schema id " + id + " for topic " + topic + ": " + e.getMessage(), e);
    }
  }

  private DatumReader<Object> createReader(int id, Schema writer, String topic) {
    Schema reader = fixedReaderSchema;
    GenericData model = fixedModel;
    String target = targetName;
    if (reader == null && specificByWriterName) {
      Class<?> generated = SpecificData.get().getClass(writer);
      if (generated != null && SpecificRecord.class.isAssignableFrom(generated)) {
        model = SpecificData.getForClass(generated);
        reader = ((SpecificData) model).getSchema(generated);
        target = generated.getName();
      }
    }
    if (reader == null) {
      return new GenericDatumReader<>(writer, writer, GenericData.get());
    }
    SchemaCompatibility.SchemaPairCompatibility compatibility =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
      throw new SerializationException(
          "schema id "
              + id
              + " on topic "
              + topic
              + " ("
              + writer.getFullName()
              + ") cannot be read as "
              + target
              + ": "
              + compatibility.getResult().getIncompatibilities());
    }
    return model instanceof SpecificData specific
        ? new SpecificDatumReader<>(writer, reader, specific)
        : new GenericDatumReader<>(writer, reader, Objects.requireNonNull(model));
  }

  private static String describe(Exception e) {
    return e.getMessage() == null
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
