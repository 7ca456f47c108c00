package io.paperpulse.registry.server;

import io.paperpulse.registry.client.SchemaReference;
import io.paperpulse.registry.compatibility.CompatibilityChecker;
import io.paperpulse.registry.compatibility.CompatibilityLevel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's rules, independent of HTTP: global ids, per-subject versions, soft and permanent
 * deletes, compatibility levels, modes and schema references. State lives in memory and every
 * change is written to the {@link SchemaStore} before it becomes visible. All methods are
 * synchronized: writes must be serialized anyway (one id per schema, one version per registration)
 * and the data set is small.
 */
public final class SchemaRegistry {

  private static final Logger log = LoggerFactory.getLogger(SchemaRegistry.class);
  private static final int LATEST = -1;

  /**
   * A schema as a request gives it: text, references, and for IMPORT mode its id and version (null:
   * none).
   */
  public record SchemaRequest(
      String schema, List<SchemaReference> references, Integer id, Integer version) {
    public SchemaRequest {
      references = references == null ? List.of() : List.copyOf(references);
    }

    public static SchemaRequest of(String schema) {
      return new SchemaRequest(schema, List.of(), null, null);
    }

    boolean importing() {
      return id != null || version != null;
    }
  }

  /**
   * What identifies a schema, and so its id: its canonical text together with the references it
   * names.
   */
  public record SchemaContent(String schema, List<SchemaReference> references) {
    public SchemaContent {
      references = List.copyOf(references);
    }
  }

  /**
   * Which versions a listing shows, after Confluent's {@code deleted} and {@code deletedOnly}
   * flags.
   */
  public enum VersionFilter {
    LIVE,
    INCLUDE_DELETED,
    DELETED_ONLY;

    /** {@code deletedOnly} wins over {@code deleted}, as in Confluent's API. */
    public static VersionFilter of(boolean deleted, boolean deletedOnly) {
      return deletedOnly ? DELETED_ONLY : deleted ? INCLUDE_DELETED : LIVE;
    }

    boolean accepts(StoreValue.SchemaVersion version) {
      return switch (this) {
        case LIVE -> !version.deleted();
        case INCLUDE_DELETED -> true;
        case DELETED_ONLY -> version.deleted();
      };
    }
  }

  private record Parsed(SchemaContent content, Schema resolved) {}

  private final SchemaStore store;
  private final Map<String, TreeMap<Integer, StoreValue.SchemaVersion>> subjects = new HashMap<>();
  private final Map<Integer, SchemaContent> contentById = new HashMap<>();
  private final Map<SchemaContent, Integer> idByContent = new HashMap<>();

  /**
   * Parsed schemas with their references resolved, filled on first use: at load time the order is
   * free.
   */
  private final Map<Integer, Schema> resolvedById = new HashMap<>();

  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private final Map<String, RegistryMode> subjectModes = new HashMap<>();
  private CompatibilityLevel globalLevel = CompatibilityLevel.DEFAULT;
  private RegistryMode globalMode = RegistryMode.READWRITE;
  private int maxId;

  public SchemaRegistry(SchemaStore store) {
    this.store = store;
    List<StoreEntry> entries = store.load();
    entries.forEach(this::apply);
    for (Integer id : List.copyOf(contentById.keySet())) {
      try {
        resolved(id);
      } catch (RegistryError e) {
        // keep serving the rest; this id answers 42201 until its references are back
        log.error("schema id {} in the store cannot be parsed: {}", id, e.getMessage());
      }
    }
    log.info(
        "schema registry loaded {} entries: {} subjects, {} schemas, highest id {}",
        entries.size(),
        subjects.size(),
        contentById.size(),
        maxId);
  }

  /**
   * Registers the schema under the subject, or returns the existing live version that has the same
   * schema. The mode decides what is allowed: READONLY nothing new, IMPORT only requests that bring
   * an id or a version (and then without compatibility check), READWRITE only requests that do not.
   */
  public synchronized StoreValue.SchemaVersion register(String subject, SchemaRequest request) {
    Parsed parsed = parse(request.schema(), request.references());
    TreeMap<Integer, StoreValue.SchemaVersion> versions =
        subjects.getOrDefault(subject, new TreeMap<>());
    Optional<StoreValue.SchemaVersion> existing = newestMatch(versions, parsed, VersionFilter.LIVE);
    // an already registered schema is answered in every mode, so serializers keep working on a
    // frozen registry
    if (existing.isPresent() && (request.id() == null || request.id() == existing.get().id())) {
      return existing.get();
    }
    RegistryMode mode = effectiveMode(subject);
    if (mode == RegistryMode.READONLY) {
      throw RegistryError.readOnly(subject);
    }
    if (request.importing() && mode != RegistryMode.IMPORT) {
      throw RegistryError.operationNotPermitted("Subject " + subject + " is not in import mode");
    }
    if (!request.importing() && mode != RegistryMode.READWRITE) {
      throw RegistryError.operationNotPermitted(
          "Subject " + subject + " is not in read-write mode");
    }
    if (mode != RegistryMode.IMPORT) {
      List<String> problems =
          CompatibilityChecker.incompatibilities(
              effectiveLevel(subject), parsed.resolved(), liveSchemas(versions));
      if (!problems.isEmpty()) {
        throw RegistryError.incompatible(subject, String.join("; ", problems));
      }
    }
    int id =
        request.id() != null
            ? importedId(request.id(), parsed.content())
            : idByContent.getOrDefault(parsed.content(), maxId + 1);
    int version = versions.isEmpty() ? 1 : versions.lastKey() + 1;
    if (request.version() != null) {
      version = request.version();
      StoreValue.SchemaVersion occupant = versions.get(version);
      if (occupant != null) {
        if (occupant.id() == id && !occupant.deleted()) {
          return occupant;
        }
        // Confluent would overwrite the version; an import must not silently change what a version
        // means
        throw RegistryError.operationNotPermitted(
            "Version "
                + version
                + " of subject "
                + subject
                + " already holds schema id "
                + occupant.id()
                + (occupant.deleted() ? " (soft deleted)" : ""));
      }
    }
    StoreValue.SchemaVersion created =
        new StoreValue.SchemaVersion(
            subject, version, id, parsed.content().schema(), parsed.content().references(), false);
    persist(new StoreEntry(created.key(), created));
    resolvedById.putIfAbsent(id, parsed.resolved());
    log.info(
        "registered subject {} version {} with schema id {}{}",
        subject,
        version,
        id,
        mode == RegistryMode.IMPORT ? " (import)" : "");
    return created;
  }

  /** The version of the subject whose schema equals the given one (40401 / 40403 when absent). */
  public synchronized StoreValue.SchemaVersion lookup(
      String subject, SchemaRequest request, boolean includeDeleted) {
    Parsed parsed = parse(request.schema(), request.references());
    TreeMap<Integer, StoreValue.SchemaVersion> versions = existingSubject(subject, includeDeleted);
    return newestMatch(
            versions, parsed, includeDeleted ? VersionFilter.INCLUDE_DELETED : VersionFilter.LIVE)
        .orElseThrow(() -> RegistryError.schemaNotFound("in subject '" + subject + "'"));
  }

  /** The schema text and references stored under the id (40403 when unknown). */
  public synchronized SchemaContent schemaById(int id) {
    SchemaContent content = contentById.get(id);
    if (content == null) {
      throw RegistryError.schemaNotFound("id " + id);
    }
    return content;
  }

  /**
   * The subject versions that use the schema with this id (soft-deleted ones too, as Confluent
   * lists them).
   */
  public synchronized List<StoreValue.SchemaVersion> usagesOfId(int id) {
    if (!contentById.containsKey(id)) {
      throw RegistryError.schemaNotFound("id " + id);
    }
    List<StoreValue.SchemaVersion> usages = new ArrayList<>();
    new TreeMap<>(subjects)
        .values()
        .forEach(
            versions -> versions.values().stream().filter(v -> v.id() == id).forEach(usages::add));
    return usages;
  }

  /**
   * Sorted names of the subjects that start with the prefix and have at least one version the
   * filter shows.
   */
  public synchronized List<String> subjects(String prefix, VersionFilter filter) {
    TreeSet<String> names = new TreeSet<>();
    subjects.forEach(
        (name, versions) -> {
          if (name.startsWith(prefix) && versions.values().stream().anyMatch(filter::accepts)) {
            names.add(name);
          }
        });
    return List.copyOf(names);
  }

  public synchronized List<Integer> versions(String subject, VersionFilter filter) {
    return existingSubject(subject, filter != VersionFilter.LIVE).values().stream()
        .filter(filter::accepts)
        .map(StoreValue.SchemaVersion::version)
        .toList();
  }

  /**
   * Every version of the subjects that start with the prefix, by subject name then version; with
   * {@code latestOnly} just the newest shown version of each subject.
   */
  public synchronized List<StoreValue.SchemaVersion> schemas(
      String prefix, boolean includeDeleted, boolean latestOnly) {
    VersionFilter filter = includeDeleted ? VersionFilter.INCLUDE_DELETED : VersionFilter.LIVE;
    List<StoreValue.SchemaVersion> found = new ArrayList<>();
    new TreeMap<>(subjects)
        .forEach(
            (name, versions) -> {
              if (!name.startsWith(prefix)) {
                return;
              }
              List<StoreValue.SchemaVersion> shown =
                  versions.values().stream().filter(filter::accepts).toList();
              if (latestOnly && !shown.isEmpty()) {
                found.add(shown.get(shown.size() - 1));
              } else if (!latestOnly) {
                found.addAll(shown);
              }
            });
    return found;
  }

  /** One version; {@code versionSpec} is a positive number, "latest" or -1. */
  public synchronized StoreValue.SchemaVersion version(
      String subject, String versionSpec, boolean includeDeleted) {
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
   * Ids of the schemas whose references name this version, ascending (soft-deleted ones included).
   */
  public synchronized List<Integer> referencedBy(String subject, String versionSpec) {
    StoreValue.SchemaVersion target = version(subject, versionSpec, true);
    return referrers(target.subject(), target.version());
  }

  /**
   * Deletes one version: soft (hidden, its id still resolves) or, once soft deleted, permanently.
   * "latest" names the newest live version. Returns the version number.
   */
  public synchronized int deleteVersion(String subject, String versionSpec, boolean permanent) {
    int wanted = parseVersion(versionSpec);
    TreeMap<Integer, StoreValue.SchemaVersion> versions =
        subjects.getOrDefault(subject, new TreeMap<>());
    StoreValue.SchemaVersion target =
        wanted == LATEST
            ? versions.descendingMap().values().stream()
                .filter(v -> !v.deleted())
                .findFirst()
                .orElse(null)
            : versions.get(wanted);
    if (target == null) {
      throw versions.isEmpty()
          ? RegistryError.subjectNotFound(subject)
          : RegistryError.versionNotFound(subject, versionSpec);
    }
    if (target.deleted() && !permanent) {
      throw RegistryError.versionSoftDeleted(subject, versionSpec);
    }
    if (effectiveMode(subject) == RegistryMode.READONLY) {
      throw RegistryError.readOnly(subject);
    }
    if (!referrers(subject, target.version()).isEmpty()) {
      throw RegistryError.referenceExists(subject, target.version());
    }
    if (permanent) {
      if (!target.deleted()) {
        throw RegistryError.versionNotSoftDeleted(subject, target.version());
      }
      // the watermark goes first: should the delete land and the process die, ids still never
      // repeat
      persist(new StoreEntry(new StoreKey.IdWatermark(), new StoreValue.IdWatermark(maxId)));
      persist(StoreEntry.tombstone(target.key()));
      log.info("permanently deleted subject {} version {}", subject, target.version());
    } else {
      persist(new StoreEntry(target.key(), target.softDeleted()));
      log.info("soft deleted subject {} version {}", subject, target.version());
    }
    return target.version();
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
    if (!permanent && !anyLive) {
      throw RegistryError.subjectSoftDeleted(subject);
    }
    if (effectiveMode(subject) == RegistryMode.READONLY) {
      throw RegistryError.readOnly(subject);
    }
    for (StoreValue.SchemaVersion version : versions.values()) {
      if ((permanent || !version.deleted()) && !referrers(subject, version.version()).isEmpty()) {
        throw RegistryError.referenceExists(subject, version.version());
      }
    }
    List<Integer> affected = new ArrayList<>(versions.keySet());
    if (permanent) {
      if (anyLive) {
        throw RegistryError.subjectNotSoftDeleted(subject);
      }
      // the watermark goes first: should the deletes land and the process die, ids still never
      // repeat
      persist(new StoreEntry(new StoreKey.IdWatermark(), new StoreValue.IdWatermark(maxId)));
      for (StoreValue.SchemaVersion version : List.copyOf(versions.values())) {
        persist(StoreEntry.tombstone(version.key()));
      }
      log.info("permanently deleted subject {} versions {}", subject, affected);
      return affected;
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
   * Why the schema could not follow the given version: for "latest" the subject's level decides
   * which versions are checked (all live ones when transitive); a numbered version is checked on
   * its own. References of the candidate and of the registered versions are resolved before
   * comparing.
   */
  public synchronized List<String> compatibilityIssues(
      String subject, String versionSpec, SchemaRequest request) {
    Schema candidate = parse(request.schema(), request.references()).resolved();
    int wanted = parseVersion(versionSpec);
    CompatibilityLevel level = effectiveLevel(subject);
    TreeMap<Integer, StoreValue.SchemaVersion> versions =
        subjects.getOrDefault(subject, new TreeMap<>());
    if (wanted == LATEST) {
      return CompatibilityChecker.incompatibilities(level, candidate, liveSchemas(versions));
    }
    StoreValue.SchemaVersion target = version(subject, versionSpec, false);
    return CompatibilityChecker.incompatibilities(level, candidate, List.of(resolved(target.id())));
  }

  public synchronized CompatibilityLevel globalLevel() {
    return globalLevel;
  }

  public synchronized void setGlobalLevel(CompatibilityLevel level) {
    if (globalMode == RegistryMode.READONLY) {
      throw RegistryError.operationNotPermitted("The registry is in read-only mode");
    }
    persist(new StoreEntry(new StoreKey.Config(null), new StoreValue.Config(level)));
  }

  public synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
    return Optional.ofNullable(subjectLevels.get(subject));
  }

  public synchronized void setSubjectLevel(String subject, CompatibilityLevel level) {
    if (effectiveMode(subject) == RegistryMode.READONLY) {
      throw RegistryError.readOnly(subject);
    }
    persist(new StoreEntry(new StoreKey.Config(subject), new StoreValue.Config(level)));
  }

  /**
   * Removes the subject's own level (it then follows the global one) and returns the removed level.
   */
  public synchronized CompatibilityLevel deleteSubjectLevel(String subject) {
    CompatibilityLevel previous = subjectLevels.get(subject);
    if (previous == null) {
      throw RegistryError.subjectConfigNotFound(subject);
    }
    persist(StoreEntry.tombstone(new StoreKey.Config(subject)));
    return previous;
  }

  public synchronized RegistryMode globalMode() {
    return globalMode;
  }

  public synchronized Optional<RegistryMode> subjectMode(String subject) {
    return Optional.ofNullable(subjectModes.get(subject));
  }

  /**
   * Sets the mode of the subject, or the global mode when {@code subject} is null. Switching to
   * IMPORT needs the scope to hold no live schemas (an import must not mix with ids handed out
   * here) unless {@code force} is set; it is a no-op check when the scope already is in IMPORT
   * mode.
   */
  public synchronized void setMode(String subject, RegistryMode mode, boolean force) {
    RegistryMode current = subject == null ? globalMode : effectiveMode(subject);
    if (mode == RegistryMode.IMPORT && current != RegistryMode.IMPORT && !force) {
      boolean occupied =
          subject == null
              ? subjects.values().stream().anyMatch(SchemaRegistry::anyLive)
              : anyLive(subjects.getOrDefault(subject, new TreeMap<>()));
      if (occupied) {
        throw RegistryError.operationNotPermitted("Cannot import since found existing subjects");
      }
    }
    persist(new StoreEntry(new StoreKey.Mode(subject), new StoreValue.Mode(mode)));
    log.info("mode of {} set to {}", subject == null ? "the registry" : "subject " + subject, mode);
  }

  /**
   * Removes the subject's own mode (it then follows the global one) and returns the removed mode.
   */
  public synchronized RegistryMode deleteSubjectMode(String subject) {
    RegistryMode previous = subjectModes.get(subject);
    if (previous == null) {
      throw RegistryError.subjectNotFound(subject);
    }
    persist(StoreEntry.tombstone(new StoreKey.Mode(subject)));
    return previous;
  }

  private CompatibilityLevel effectiveLevel(String subject) {
    return subjectLevels.getOrDefault(subject, globalLevel);
  }

  private RegistryMode effectiveMode(String subject) {
    return subjectModes.getOrDefault(subject, globalMode);
  }

  private static boolean anyLive(TreeMap<Integer, StoreValue.SchemaVersion> versions) {
    return versions.values().stream().anyMatch(v -> !v.deleted());
  }

  private List<Schema> liveSchemas(TreeMap<Integer, StoreValue.SchemaVersion> versions) {
    return versions.values().stream().filter(v -> !v.deleted()).map(v -> resolved(v.id())).toList();
  }

  /**
   * The newest version the filter shows whose schema is the parsed one: same text and references,
   * or, when the request has no references, a version with references that resolves to the same
   * schema (a client that inlined the referenced types, as a plain Avro serializer does, still
   * finds the registered version).
   */
  private Optional<StoreValue.SchemaVersion> newestMatch(
      TreeMap<Integer, StoreValue.SchemaVersion> versions, Parsed parsed, VersionFilter filter) {
    Predicate<StoreValue.SchemaVersion> sameText =
        v ->
            v.schema().equals(parsed.content().schema())
                && v.references().equals(parsed.content().references());
    Predicate<StoreValue.SchemaVersion> sameResolved =
        v ->
            parsed.content().references().isEmpty()
                && !v.references().isEmpty()
                && parsed.resolved().equals(resolvedOrNull(v.id()));
    return versions.descendingMap().values().stream()
        .filter(filter::accepts)
        .filter(sameText.or(sameResolved))
        .findFirst();
  }

  private int importedId(int id, SchemaContent content) {
    SchemaContent holder = contentById.get(id);
    if (holder != null && !holder.equals(content)) {
      throw RegistryError.operationNotPermitted(
          "Schema id "
              + id
              + " already belongs to another schema; overwriting it is not permitted");
    }
    return id;
  }

  private List<Integer> referrers(String subject, int version) {
    TreeSet<Integer> ids = new TreeSet<>();
    subjects
        .values()
        .forEach(
            versions ->
                versions
                    .values()
                    .forEach(
                        v -> {
                          for (SchemaReference ref : v.references()) {
                            if (ref.subject().equals(subject) && ref.version() == version) {
                              ids.add(v.id());
                            }
                          }
                        }));
    return List.copyOf(ids);
  }

  private TreeMap<Integer, StoreValue.SchemaVersion> existingSubject(
      String subject, boolean includeDeleted) {
    TreeMap<Integer, StoreValue.SchemaVersion> versions = subjects.get(subject);
    if (versions == null
        || !includeDeleted
            && versions.values().stream().allMatch(StoreValue.SchemaVersion::deleted)) {
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

  /**
   * Folds one store entry into the in-memory state; used both at load time and after each write.
   */
  private void apply(StoreEntry entry) {
    if (entry.key() instanceof StoreKey.SchemaVersion key) {
      applySchemaVersion(key, (StoreValue.SchemaVersion) entry.value());
    } else if (entry.key() instanceof StoreKey.Config key) {
      CompatibilityLevel level =
          entry.isTombstone() ? null : ((StoreValue.Config) entry.value()).level();
      if (key.subject() == null) {
        globalLevel = level == null ? CompatibilityLevel.DEFAULT : level;
      } else if (level == null) {
        subjectLevels.remove(key.subject());
      } else {
        subjectLevels.put(key.subject(), level);
      }
    } else if (entry.key() instanceof StoreKey.Mode key) {
      RegistryMode mode = entry.isTombstone() ? null : ((StoreValue.Mode) entry.value()).mode();
      if (key.subject() == null) {
        globalMode = mode == null ? RegistryMode.READWRITE : mode;
      } else if (mode == null) {
        subjectModes.remove(key.subject());
      } else {
        subjectModes.put(key.subject(), mode);
      }
    } else if (entry.value() instanceof StoreValue.IdWatermark watermark) {
      maxId = Math.max(maxId, watermark.maxId());
    }
  }

  private void applySchemaVersion(StoreKey.SchemaVersion key, StoreValue.SchemaVersion value) {
    TreeMap<Integer, StoreValue.SchemaVersion> versions =
        subjects.computeIfAbsent(key.subject(), s -> new TreeMap<>());
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
    SchemaContent content = new SchemaContent(value.schema(), value.references());
    if (contentById.putIfAbsent(value.id(), content) == null) {
      // an import may give one schema a second id; new registrations keep using the first one
      idByContent.putIfAbsent(content, value.id());
    }
  }

  private void forgetIfUnused(int id) {
    boolean used =
        subjects.values().stream().anyMatch(vs -> vs.values().stream().anyMatch(v -> v.id() == id));
    if (!used) {
      SchemaContent removed = contentById.remove(id);
      resolvedById.remove(id);
      if (removed != null) {
        idByContent.remove(removed, id);
        contentById.entrySet().stream()
            .filter(e -> e.getValue().equals(removed))
            .findFirst()
            .ifPresent(other -> idByContent.putIfAbsent(removed, other.getKey()));
      }
    }
  }

  private Schema resolved(int id) {
    Schema schema = resolvedById.get(id);
    if (schema == null) {
      SchemaContent content =
          Objects.requireNonNull(contentById.get(id), () -> "no schema with id " + id);
      schema = parse(content.schema(), content.references()).resolved();
      resolvedById.put(id, schema);
    }
    return schema;
  }

  private Schema resolvedOrNull(int id) {
    try {
      return resolved(id);
    } catch (RegistryError e) {
      return null;
    }
  }

  /**
   * Parses a schema whose references name registered versions: the referenced schemas (and theirs,
   * depth first) go into one Avro parser first, so the named types they define are known when the
   * schema itself is parsed. The canonical text leaves those types out, by name only, as the client
   * sent them.
   */
  private Parsed parse(String schemaText, List<SchemaReference> references) {
    if (schemaText == null || schemaText.isBlank()) {
      throw RegistryError.invalidSchema("the request has no 'schema'");
    }
    Schema.Parser parser = new Schema.Parser();
    Set<StoreKey.SchemaVersion> loaded = new HashSet<>();
    for (SchemaReference reference : references) {
      loadReference(parser, reference, loaded);
    }
    Collection<Schema> referencedTypes = List.copyOf(parser.getTypes().values());
    Schema schema;
    try {
      schema = parser.parse(schemaText);
    } catch (SchemaParseException e) {
      throw RegistryError.invalidSchema(e.getMessage());
    } catch (RuntimeException e) {
      throw RegistryError.invalidSchema(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    String canonical =
        references.isEmpty() ? schema.toString() : schema.toString(referencedTypes, false);
    return new Parsed(new SchemaContent(canonical, references), schema);
  }

  private void loadReference(
      Schema.Parser parser, SchemaReference reference, Set<StoreKey.SchemaVersion> loaded) {
    if (reference.name() == null
        || reference.name().isBlank()
        || reference.subject() == null
        || reference.subject().isBlank()
        || reference.version() < 1) {
      throw RegistryError.invalidSchema(
          "a reference needs a name, a subject and a version of at least 1: " + reference);
    }
    StoreKey.SchemaVersion key =
        new StoreKey.SchemaVersion(reference.subject(), reference.version());
    if (!loaded.add(key)) {
      return;
    }
    StoreValue.SchemaVersion target =
        subjects.getOrDefault(reference.subject(), new TreeMap<>()).get(reference.version());
    if (target == null) {
      throw RegistryError.invalidSchema(
          "reference '"
              + reference.name()
              + "' names subject '"
              + reference.subject()
              + "' version "
              + reference.version()
              + ", which is not registered");
    }
    for (SchemaReference nested : target.references()) {
      loadReference(parser, nested, loaded);
    }
    try {
      parser.parse(target.schema());
    } catch (RuntimeException e) {
      throw RegistryError.invalidSchema(
          "referenced schema '"
              + reference.name()
              + "' (subject '"
              + reference.subject()
              + "' version "
              + reference.version()
              + ") cannot be parsed with the "
              + "other references: "
              + e.getMessage());
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
