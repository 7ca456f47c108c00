package io.paperpulse.registry.server;

import io.paperpulse.registry.client.SchemaReference;
import io.paperpulse.registry.compatibility.CompatibilityLevel;
import java.util.List;

/** The value of a {@link StoreEntry}; its type matches the kind of key. */
public sealed interface StoreValue {

  /**
   * A registered version; {@code deleted} marks a soft delete. {@code schema} is Avro's canonical
   * JSON in which the named types of the {@code references} appear by name only.
   */
  record SchemaVersion(
      String subject,
      int version,
      int id,
      String schema,
      List<SchemaReference> references,
      boolean deleted)
      implements StoreValue {

    public SchemaVersion {
      references = List.copyOf(references);
    }

    public StoreKey.SchemaVersion key() {
      return new StoreKey.SchemaVersion(subject, version);
    }

    SchemaVersion softDeleted() {
      return new SchemaVersion(subject, version, id, schema, references, true);
    }
  }

  record Config(CompatibilityLevel level) implements StoreValue {}

  record Mode(RegistryMode mode) implements StoreValue {}

  record IdWatermark(int maxId) implements StoreValue {}
}
