package io.paperpulse.registry.server;

import io.paperpulse.registry.compatibility.CompatibilityLevel;

/** The value of a {@link StoreEntry}; its type matches the kind of key. */
public sealed interface StoreValue {

    /** A registered version; {@code deleted} marks a soft delete. {@code schema} is Avro's canonical JSON. */
    record SchemaVersion(String subject, int version, int id, String schema, boolean deleted) implements StoreValue {
        public StoreKey.SchemaVersion key() {
            return new StoreKey.SchemaVersion(subject, version);
        }

        SchemaVersion softDeleted() {
            return new SchemaVersion(subject, version, id, schema, true);
        }
    }

    record Config(CompatibilityLevel level) implements StoreValue {
    }

    record IdWatermark(int maxId) implements StoreValue {
    }
}
