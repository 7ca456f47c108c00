package io.paperpulse.registry.server;

import io.paperpulse.registry.compatibility.CompatibilityChecker;
import io.paperpulse.registry.compatibility.CompatibilityLevel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's rules, independent of HTTP: global ids, per-subject versions, soft and permanent deletes,
 * compatibility levels. State lives in memory and every change is written to the {@link SchemaStore} before
 * it becomes visible. All methods are synchronized: writes must be serialized anyway (one id per schema,
 * one version per registration) and the data set is small.
 */
public final class SchemaRegistry {

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistry.class);
    private static final int LATEST = -1;

    private final SchemaStore store;
    private final Map<String, TreeMap<Integer, StoreValue.SchemaVersion>> subjects = new HashMap<>();
    private final Map<Integer, Schema> schemaById = new HashMap<>();
    private final Map<String, Integer> idByCanonical = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel = CompatibilityLevel.DEFAULT;
    private int maxId;

    public SchemaRegistry(SchemaStore store) {
        this.store = store;
        List<StoreEntry> entries = store.load();
        entries.forEach(this::apply);
        log.info("schema registry loaded {} entries: {} subjects, {} schemas, highest id {}",
                entries.size(), subjects.size(), schemaById.size(), maxId);
    }

    /** Registers the schema under the subject, or returns the existing live version that has the same schema. */
    public synchronized StoreValue.SchemaVersion register(String subject, String schemaText) {
        Schema schema = parse(schemaText);
        String canonical = schema.toString();
        TreeMap<Integer, StoreValue.SchemaVersion> versions = subjects.getOrDefault(subject, new TreeMap<>());
        for (StoreValue.SchemaVersion existing : versions.values()) {
            if (!existing.deleted() && existing.schema().equals(canonical)) {
                return existing;
            }
        }
        List<String> problems = CompatibilityChecker.incompatibilities(effectiveLevel(subject), schema,
                liveSchemas(versions));
        if (!problems.isEmpty()) {
            throw RegistryError.incompatible(subject, String.join("; ", problems));
        }
        int id = idByCanonical.getOrDefault(canonical, maxId + 1);
        int version = versions.isEmpty() ? 1 : versions.lastKey() + 1;
        StoreValue.SchemaVersion created = new StoreValue.SchemaVersion(subject, version, id, canonical, false);
        persist(new StoreEntry(created.key(), created));
        log.info("registered subject {} version {} with schema id {}", subject, version, id);
        return created;
    }

    /** The version of the subject whose schema equals the given one (40401 / 40403 when absent). */
    public synchronized StoreValue.SchemaVersion lookup(String subject, String schemaText, boolean includeDeleted) {
        String canonical = parse(schemaText).toString();
        TreeMap<Integer, StoreValue.SchemaVersion> versions = existingSubject(subject, includeDeleted);
        return versions.values().stream()
                .filter(v -> includeDeleted || !v.deleted())
                .filter(v -> v.schema().equals(canonical))
                .reduce((first, second) -> second)
                .orElseThrow(() -> RegistryError.schemaNotFound("in subject '" + subject + "'"));
    }

    public synchronized String schemaById(int id) {
        Schema schema = schemaById.get(id);
        if (schema == null) {
            throw RegistryError.schemaNotFound("id " + id);
        }
        return schema.toString();
    }

    /** The subject versions that use the schema with this id (soft-deleted ones too, as Confluent lists them). */
    public synchronized List<StoreValue.SchemaVersion> usagesOfId(int id) {
        if (!schemaById.containsKey(id)) {
            throw RegistryError.schemaNotFound("id " + id);
        }
        List<StoreValue.SchemaVersion> usages = new ArrayList<>();
        new TreeMap<>(subjects).values().forEach(versions -> versions.values().stream()
                .filter(v -> v.id() == id).forEach(usages::add));
        return usages;
    }

    public synchronized List<String> subjects(boolean includeDeleted) {
        TreeSet<String> names = new TreeSet<>();
        subjects.forEach((name, versions) -> {
            if (includeDeleted || versions.values().stream().anyMatch(v -> !v.deleted())) {
                names.add(name);
            }
        });
        return List.copyOf(names);
    }

    public synchronized List<Integer> versions(String subject, boolean includeDeleted) {
        return existingSubject(subject, includeDeleted).values().stream()
                .filter(v -> includeDeleted || !v.deleted())
                .map(StoreValue.SchemaVersion::version)
                .toList();
    }

    /** One version; {@code versionSpec} is a positive number, "latest" or -1. */
    public synchronized StoreValue.SchemaVersion version(String subject, String versionSpec, boolean includeDeleted) {
        int wanted = parseVersion(versionSpec);
        TreeMap<Integer, StoreValue.SchemaVersion> versions = existingSubject(subject, includeDeleted);
        if (wanted == LATEST) {
            return versions.descendingMap().values().stream()
                    .filter(v -> includeDeleted || !v.deleted())
                    .findFirst()
                    .orElseThrow(() -> RegistryError.subjectNotFound(subject));
        }
        StoreValue.SchemaVersion found = versions.get(wanted);
        if (found == null || found.deleted() && !includeDeleted) {
            throw RegistryError.versionNotFound(subject, wanted);
        }
        return found;
    }

    /**
     * Soft delete hides the subject's versions but keeps them (and their ids) in the store; permanent
     * delete, allowed only after a soft delete, removes them. Returns the affected version numbers.
     */
    public synchronized List<Integer> deleteSubject(String subject, boolean permanent) {
        TreeMap<Integer, StoreValue.SchemaVersion> versions = subjects.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw RegistryError.subjectNotFound(subject);
        }
        boolean anyLive = versions.values().stream().anyMatch(v -> !v.deleted());
        List<Integer> affected = new ArrayList<>(versions.keySet());
        if (permanent) {
            if (anyLive) {
                throw RegistryError.subjectNotSoftDeleted(subject);
            }
            // the watermark goes first: should the deletes land and the process die, ids still never repeat
            persist(new StoreEntry(new StoreKey.IdWatermark(), new StoreValue.IdWatermark(maxId)));
            for (StoreValue.SchemaVersion version : List.copyOf(versions.values())) {
                persist(StoreEntry.tombstone(version.key()));
            }
            log.info("permanently deleted subject {} versions {}", subject, affected);
            return affected;
        }
        if (!anyLive) {
            throw RegistryError.subjectSoftDeleted(subject);
        }
        List<Integer> softDeleted = new ArrayList<>();
        for (StoreValue.SchemaVersion version : List.copyOf(versions.values())) {
            if (!version.deleted()) {
                persist(new StoreEntry(version.key(), version.softDeleted()));
                softDeleted.add(version.version());
            }
        }
        log.info("soft deleted subject {} versions {}", subject, softDeleted);
        return softDeleted;
    }

    /**
     * Why the schema could not follow the given version: for "latest" the subject's level decides which
     * versions are checked (all live ones when transitive); a numbered version is checked on its own.
     */
    public synchronized List<String> compatibilityIssues(String subject, String versionSpec, String schemaText) {
        Schema candidate = parse(schemaText);
        int wanted = parseVersion(versionSpec);
        CompatibilityLevel level = effectiveLevel(subject);
        TreeMap<Integer, StoreValue.SchemaVersion> versions = subjects.getOrDefault(subject, new TreeMap<>());
        if (wanted == LATEST) {
            return CompatibilityChecker.incompatibilities(level, candidate, liveSchemas(versions));
        }
        StoreValue.SchemaVersion target = version(subject, versionSpec, false);
        return CompatibilityChecker.incompatibilities(level, candidate, List.of(schemaById.get(target.id())));
    }

    public synchronized CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    public synchronized void setGlobalLevel(CompatibilityLevel level) {
        persist(new StoreEntry(new StoreKey.Config(null), new StoreValue.Config(level)));
    }

    public synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    public synchronized void setSubjectLevel(String subject, CompatibilityLevel level) {
        persist(new StoreEntry(new StoreKey.Config(subject), new StoreValue.Config(level)));
    }

    /** Removes the subject's own level (it then follows the global one) and returns the removed level. */
    public synchronized CompatibilityLevel deleteSubjectLevel(String subject) {
        CompatibilityLevel previous = subjectLevels.get(subject);
        if (previous == null) {
            throw RegistryError.subjectConfigNotFound(subject);
        }
        persist(StoreEntry.tombstone(new StoreKey.Config(subject)));
        return previous;
    }

    private CompatibilityLevel effectiveLevel(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }

    private List<Schema> liveSchemas(TreeMap<Integer, StoreValue.SchemaVersion> versions) {
        return versions.values().stream().filter(v -> !v.deleted()).map(v -> schemaById.get(v.id())).toList();
    }

    private TreeMap<Integer, StoreValue.SchemaVersion> existingSubject(String subject, boolean includeDeleted) {
        TreeMap<Integer, StoreValue.SchemaVersion> versions = subjects.get(subject);
        if (versions == null || !includeDeleted && versions.values().stream().allMatch(StoreValue.SchemaVersion::deleted)) {
            throw RegistryError.subjectNotFound(subject);
        }
        return versions;
    }

    private void persist(StoreEntry entry) {
        try {
            store.write(entry);
        } catch (RuntimeException e) {
            log.error("cannot write {} to the schema store", entry.key(), e);
            throw RegistryError.storeFailure(e.getMessage(), e);
        }
        apply(entry);
    }

    /** Folds one store entry into the in-memory state; used both at load time and after each write. */
    private void apply(StoreEntry entry) {
        if (entry.key() instanceof StoreKey.SchemaVersion key) {
            applySchemaVersion(key, (StoreValue.SchemaVersion) entry.value());
        } else if (entry.key() instanceof StoreKey.Config key) {
            CompatibilityLevel level = entry.isTombstone() ? null : ((StoreValue.Config) entry.value()).level();
            if (key.subject() == null) {
                globalLevel = level == null ? CompatibilityLevel.DEFAULT : level;
            } else if (level == null) {
                subjectLevels.remove(key.subject());
            } else {
                subjectLevels.put(key.subject(), level);
            }
        } else if (entry.value() instanceof StoreValue.IdWatermark watermark) {
            maxId = Math.max(maxId, watermark.maxId());
        }
    }

    private void applySchemaVersion(StoreKey.SchemaVersion key, StoreValue.SchemaVersion value) {
        TreeMap<Integer, StoreValue.SchemaVersion> versions = subjects.computeIfAbsent(key.subject(),
                s -> new TreeMap<>());
        if (value != null) {
            versions.put(key.version(), value);
            indexSchema(value);
            return;
        }
        StoreValue.SchemaVersion removed = versions.remove(key.version());
        if (versions.isEmpty()) {
            subjects.remove(key.subject());
        }
        if (removed != null) {
            forgetIfUnused(removed.id());
        }
    }

    private void indexSchema(StoreValue.SchemaVersion value) {
        maxId = Math.max(maxId, value.id());
        if (!schemaById.containsKey(value.id())) {
            schemaById.put(value.id(), new Schema.Parser().parse(value.schema()));
            idByCanonical.put(value.schema(), value.id());
        }
    }

    private void forgetIfUnused(int id) {
        boolean used = subjects.values().stream().anyMatch(vs -> vs.values().stream().anyMatch(v -> v.id() == id));
        if (!used) {
            Schema removed = schemaById.remove(id);
            if (removed != null) {
                idByCanonical.remove(removed.toString());
            }
        }
    }

    private static Schema parse(String schemaText) {
        if (schemaText == null || schemaText.isBlank()) {
            throw RegistryError.invalidSchema("the request has no 'schema'");
        }
        try {
            return new Schema.Parser().parse(schemaText);
        } catch (SchemaParseException e) {
            throw RegistryError.invalidSchema(e.getMessage());
        } catch (RuntimeException e) {
            throw RegistryError.invalidSchema(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static int parseVersion(String spec) {
        if ("latest".equals(spec) || "-1".equals(spec)) {
            return LATEST;
        }
        try {
            int version = Integer.parseInt(spec);
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // falls through to the Confluent error below
        }
        throw RegistryError.invalidVersion(spec);
    }
}
