package io.paperpulse.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.paperpulse.registry.client.SchemaReference;
import io.paperpulse.registry.compatibility.CompatibilityLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confluent's REST API on top of {@link SchemaRegistry}: paths, JSON shapes, error codes. Unknown
 * query parameters are ignored, any Accept header is fine, answers are {@code
 * application/vnd.schemaregistry.v1+json}.
 */
final class RegistryHttpApi {

  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final String ERROR_WRITTEN = "paperpulse.registry.error-written";
  private static final Logger log = LoggerFactory.getLogger(RegistryHttpApi.class);

  private final SchemaRegistry registry;
  private final ObjectMapper json = new ObjectMapper();

  RegistryHttpApi(SchemaRegistry registry) {
    this.registry = registry;
  }

  void install(Javalin app) {
    app.get("/", ctx -> respond(ctx, json.createObjectNode()));
    app.get("/schemas/types", ctx -> respond(ctx, json.createArrayNode().add("AVRO")));

    app.get("/mode", ctx -> respond(ctx, modeJson(registry.globalMode())));
    app.put(
        "/mode",
        ctx -> {
          RegistryMode mode = requestedMode(ctx);
          registry.setMode(null, mode, flag(ctx, "force"));
          respond(ctx, modeJson(mode));
        });
    app.get(
        "/mode/{subject}",
        ctx -> {
          String subject = subject(ctx);
          RegistryMode mode =
              registry
                  .subjectMode(subject)
                  .or(
                      () ->
                          flag(ctx, "defaultToGlobal")
                              ? Optional.of(registry.globalMode())
                              : Optional.empty())
                  .orElseThrow(() -> RegistryError.subjectModeNotFound(subject));
          respond(ctx, modeJson(mode));
        });
    app.put(
        "/mode/{subject}",
        ctx -> {
          RegistryMode mode = requestedMode(ctx);
          registry.setMode(subject(ctx), mode, flag(ctx, "force"));
          respond(ctx, modeJson(mode));
        });
    app.delete(
        "/mode/{subject}", ctx -> respond(ctx, modeJson(registry.deleteSubjectMode(subject(ctx)))));

    app.get(
        "/schemas",
        ctx -> {
          List<StoreValue.SchemaVersion> found =
              registry.schemas(prefix(ctx), flag(ctx, "deleted"), flag(ctx, "latestOnly"));
          ArrayNode page = json.createArrayNode();
          page(ctx, found).forEach(v -> page.add(versionJson(v)));
          respond(ctx, page);
        });
    app.get(
        "/schemas/ids/{id}",
        ctx -> {
          SchemaRegistry.SchemaContent content = registry.schemaById(schemaId(ctx));
          ObjectNode answer = json.createObjectNode().put("schema", content.schema());
          putReferences(answer, content.references());
          respond(ctx, answer);
        });
    app.get(
        "/schemas/ids/{id}/schema",
        ctx -> respondRaw(ctx, registry.schemaById(schemaId(ctx)).schema()));
    app.get(
        "/schemas/ids/{id}/versions",
        ctx -> {
          ArrayNode usages = json.createArrayNode();
          registry
              .usagesOfId(schemaId(ctx))
              .forEach(
                  v -> usages.addObject().put("subject", v.subject()).put("version", v.version()));
          respond(ctx, usages);
        });
    app.get(
        "/schemas/ids/{id}/subjects",
        ctx ->
            respond(
                ctx,
                json.valueToTree(
                    registry.usagesOfId(schemaId(ctx)).stream()
                        .map(StoreValue.SchemaVersion::subject)
                        .distinct()
                        .toList())));

    app.get(
        "/subjects",
        ctx ->
            respond(
                ctx,
                json.valueToTree(page(ctx, registry.subjects(prefix(ctx), versionFilter(ctx))))));
    app.post(
        "/subjects/{subject}/versions",
        ctx -> {
          StoreValue.SchemaVersion registered =
              registry.register(subject(ctx), schemaRequest(ctx, true));
          respond(ctx, json.createObjectNode().put("id", registered.id()));
        });
    app.post(
        "/subjects/{subject}",
        ctx ->
            respond(
                ctx,
                versionJson(
                    registry.lookup(
                        subject(ctx), schemaRequest(ctx, false), flag(ctx, "deleted")))));
    app.get(
        "/subjects/{subject}/versions",
        ctx -> respond(ctx, json.valueToTree(registry.versions(subject(ctx), versionFilter(ctx)))));
    app.get(
        "/subjects/{subject}/versions/{version}",
        ctx ->
            respond(
                ctx,
                versionJson(
                    registry.version(
                        subject(ctx), ctx.pathParam("version"), flag(ctx, "deleted")))));
    app.get(
        "/subjects/{subject}/versions/{version}/schema",
        ctx ->
            respondRaw(
                ctx,
                registry
                    .version(subject(ctx), ctx.pathParam("version"), flag(ctx, "deleted"))
                    .schema()));
    app.get(
        "/subjects/{subject}/versions/{version}/referencedby",
        ctx ->
            respond(
                ctx,
                json.valueToTree(registry.referencedBy(subject(ctx), ctx.pathParam("version")))));
    app.delete(
        "/subjects/{subject}/versions/{version}",
        ctx ->
            respond(
                ctx,
                json.getNodeFactory()
                    .numberNode(
                        registry.deleteVersion(
                            subject(ctx), ctx.pathParam("version"), flag(ctx, "permanent")))));
    app.delete(
        "/subjects/{subject}",
        ctx ->
            respond(
                ctx,
                json.valueToTree(registry.deleteSubject(subject(ctx), flag(ctx, "permanent")))));

    app.post(
        "/compatibility/subjects/{subject}/versions/{version}",
        ctx -> respondCompatibility(ctx, ctx.pathParam("version")));
    app.post(
        "/compatibility/subjects/{subject}/versions", ctx -> respondCompatibility(ctx, "latest"));

    app.get(
        "/config", ctx -> respond(ctx, levelJson("compatibilityLevel", registry.globalLevel())));
    app.put(
        "/config",
        ctx -> {
          CompatibilityLevel level = requestedLevel(ctx);
          registry.setGlobalLevel(level);
          respond(ctx, levelJson("compatibility", level));
        });
    app.get(
        "/config/{subject}",
        ctx -> {
          String subject = subject(ctx);
          CompatibilityLevel level =
              registry
                  .subjectLevel(subject)
                  .or(
                      () ->
                          flag(ctx, "defaultToGlobal")
                              ? Optional.of(registry.globalLevel())
                              : Optional.empty())
                  .orElseThrow(() -> RegistryError.subjectConfigNotFound(subject));
          respond(ctx, levelJson("compatibilityLevel", level));
        });
    app.put(
        "/config/{subject}",
        ctx -> {
          CompatibilityLevel level = requestedLevel(ctx);
          registry.setSubjectLevel(subject(ctx), level);
          respond(ctx, levelJson("compatibility", level));
        });
    app.delete(
        "/config/{subject}",
        ctx ->
            respond(
                ctx, levelJson("compatibilityLevel", registry.deleteSubjectLevel(subject(ctx)))));

    app.exception(RegistryError.class, (error, ctx) -> respondError(ctx, error));
    app.exception(
        Exception.class,
        (error, ctx) -> {
          log.error("schema registry request {} {} failed", ctx.method(), ctx.path(), error);
          respondError(ctx, RegistryError.storeFailure(error.toString(), error));
        });
    // Confluent clients probe optional endpoints and fall back on 404 only: never answer 405 or
    // plain text
    app.error(
        404,
        ctx -> {
          if (ctx.attribute(ERROR_WRITTEN) == null) {
            respondError(ctx, RegistryError.endpointNotFound(ctx.method().name(), ctx.path()));
          }
        });
  }

  private void respondCompatibility(Context ctx, String version) {
    List<String> problems =
        registry.compatibilityIssues(subject(ctx), version, schemaRequest(ctx, false));
    ObjectNode answer = json.createObjectNode().put("is_compatible", problems.isEmpty());
    if (flag(ctx, "verbose")) {
      answer.set("messages", json.valueToTree(problems));
    }
    respond(ctx, answer);
  }

  /**
   * A subject version as Confluent shows it; {@code references} only when there are any, as
   * Confluent omits it.
   */
  private ObjectNode versionJson(StoreValue.SchemaVersion version) {
    ObjectNode node =
        json.createObjectNode()
            .put("subject", version.subject())
            .put("version", version.version())
            .put("id", version.id());
    putReferences(node, version.references());
    return node.put("schema", version.schema());
  }

  /**
   * Confluent's "references" array of a schema version: name, subject, version; none when empty.
   */
  static void putReferences(ObjectNode node, List<SchemaReference> references) {
    if (!references.isEmpty()) {
      ArrayNode array = node.putArray("references");
      references.forEach(
          ref ->
              array
                  .addObject()
                  .put("name", ref.name())
                  .put("subject", ref.subject())
                  .put("version", ref.version()));
    }
  }

  private ObjectNode modeJson(RegistryMode mode) {
    return json.createObjectNode().put("mode", mode.name());
  }

  private RegistryMode requestedMode(Context ctx) {
    String name = body(ctx).path("mode").asText(null);
    return RegistryMode.parse(name).orElseThrow(() -> RegistryError.invalidMode(name));
  }

  private ObjectNode levelJson(String field, CompatibilityLevel level) {
    return json.createObjectNode().put(field, level.name());
  }

  private CompatibilityLevel requestedLevel(Context ctx) {
    JsonNode body = body(ctx);
    String name = body.path("compatibility").asText(body.path("compatibilityLevel").asText(null));
    return CompatibilityLevel.parse(name)
        .orElseThrow(() -> RegistryError.invalidCompatibilityLevel(name));
  }

  /**
   * The Avro schema of a register/lookup/compatibility request with its references, after checking
   * what this registry supports. Only registration reads {@code id} and {@code version} (IMPORT
   * mode); Confluent treats a negative id and a version below 1 as absent.
   */
  private SchemaRegistry.SchemaRequest schemaRequest(Context ctx, boolean withIdAndVersion) {
    JsonNode body = body(ctx);
    String type = body.path("schemaType").asText("AVRO");
    if (!type.equalsIgnoreCase("AVRO")) {
      throw RegistryError.invalidSchema(
          "schemaType " + type + " is not supported; this registry handles AVRO");
    }
    JsonNode schema = body.get("schema");
    if (schema == null || !schema.isTextual()) {
      throw RegistryError.invalidSchema("the request needs a 'schema' string");
    }
    Integer id = null;
    Integer version = null;
    if (withIdAndVersion) {
      id = optionalInt(body, "id");
      id = id != null && id < 0 ? null : id;
      version = optionalInt(body, "version");
      version = version != null && version < 1 ? null : version;
    }
    return new SchemaRegistry.SchemaRequest(
        schema.asText(), references(body.get("references")), id, version);
  }

  private static List<SchemaReference> references(JsonNode array) {
    if (array == null || array.isNull()) {
      return List.of();
    }
    if (!array.isArray()) {
      throw RegistryError.invalidSchema(
          "'references' must be an array of {name, subject, version}");
    }
    List<SchemaReference> references = new ArrayList<>();
    for (JsonNode ref : array) {
      if (!ref.path("name").isTextual()
          || !ref.path("subject").isTextual()
          || !ref.path("version").isInt()) {
        throw RegistryError.invalidSchema(
            "a reference needs a string name, a string subject and an integer "
                + "version: "
                + ref);
      }
      references.add(
          new SchemaReference(
              ref.get("name").asText(), ref.get("subject").asText(), ref.get("version").asInt()));
    }
    return references;
  }

  private static Integer optionalInt(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isInt()) {
      throw RegistryError.badRequest("'" + field + "' must be an integer");
    }
    return value.asInt();
  }

  private JsonNode body(Context ctx) {
    try {
      JsonNode body = json.readTree(ctx.body());
      if (body == null || !body.isObject()) {
        throw RegistryError.badRequest("request body must be a JSON object");
      }
      return body;
    } catch (JsonProcessingException e) {
      throw RegistryError.badRequest("request body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static String subject(Context ctx) {
    return ctx.pathParam("subject");
  }

  private static int schemaId(Context ctx) {
    String raw = ctx.pathParam("id");
    try {
      return Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw RegistryError.schemaNotFound("id '" + raw + "'");
    }
  }

  private static String prefix(Context ctx) {
    String prefix = ctx.queryParam("subjectPrefix");
    return prefix == null ? "" : prefix;
  }

  private static SchemaRegistry.VersionFilter versionFilter(Context ctx) {
    return SchemaRegistry.VersionFilter.of(flag(ctx, "deleted"), flag(ctx, "deletedOnly"));
  }

  /** Confluent's {@code offset} and {@code limit} paging; a limit below 1 means no limit. */
  private static <T> List<T> page(Context ctx, List<T> all) {
    int offset = Math.max(0, intParam(ctx, "offset", 0));
    int limit = intParam(ctx, "limit", -1);
    if (offset >= all.size()) {
      return List.of();
    }
    int end = limit > 0 ? (int) Math.min(all.size(), (long) offset + limit) : all.size();
    return all.subList(offset, end);
  }

  private static int intParam(Context ctx, String name, int fallback) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw RegistryError.badRequest(
          "query parameter " + name + " must be an integer, not '" + raw + "'");
    }
  }

  private static boolean flag(Context ctx, String name) {
    return Boolean.parseBoolean(ctx.queryParam(name));
  }

  private static void respond(Context ctx, JsonNode body) {
    ctx.contentType(CONTENT_TYPE).result(body.toString());
  }

  private static void respondRaw(Context ctx, String jsonText) {
    ctx.contentType(CONTENT_TYPE).result(jsonText);
  }

  private void respondError(Context ctx, RegistryError error) {
    ObjectNode body =
        json.createObjectNode()
            .put("error_code", error.errorCode())
            .put("message", error.getMessage());
    ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
    if (error.httpStatus() == 401) {
      ctx.header("WWW-Authenticate", "Basic realm=\"schema-registry\"");
    }
    ctx.status(error.httpStatus()).contentType(CONTENT_TYPE).result(body.toString());
  }
}
