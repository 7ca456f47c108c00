package io.paperpulse.registry.client;

import io.paperpulse.registry.compatibility.CompatibilityLevel;
import java.util.List;
import org.apache.avro.Schema;

/**
 * The calls paperpulse makes to a Confluent-compatible Schema Registry. Implementations cache what
 * never changes (ids are immutable), so serializers may call them on every record. Every method
 * throws {@link SchemaRegistryException} when the registry refuses or cannot be reached.
 */
public interface SchemaRegistryClient extends AutoCloseable {

  /** Registers (or finds) the schema under the subject and returns its global id. */
  int register(String subject, Schema schema);

  /**
   * Finds an already registered schema in the subject without registering it (40401/40403 when
   * absent).
   */
  RegisteredSchema lookup(String subject, Schema schema);

  /** The schema with this global id (40403 when unknown). */
  Schema getById(int id);

  /** The newest live version of the subject. */
  RegisteredSchema latestVersion(String subject);

  /** One version of the subject. */
  RegisteredSchema version(String subject, int version);

  /** Live subjects, sorted. */
  List<String> subjects();

  /** Live version numbers of the subject, ascending. */
  List<Integer> versions(String subject);

  /** Whether the schema could be registered next in the subject under its compatibility level. */
  boolean isCompatible(String subject, Schema schema);

  /**
   * The effective level of the subject (falls back to the global one); {@code null} subject means
   * global.
   */
  CompatibilityLevel getCompatibility(String subject);

  /** Sets the level of the subject; {@code null} subject sets the global level. */
  void setCompatibility(String subject, CompatibilityLevel level);

  @Override
  void close();
}
