package io.paperpulse.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.paperpulse.registry.compatibility.CompatibilityLevel;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confluent's REST API on top of {@link SchemaRegistry}: paths, JSON shapes, error codes. Unknown query
 * parameters are ignored, any Accept header is fine, answers are {@code application/vnd.schemaregistry.v1+json}.
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
        app.get("/mode", ctx -> respond(ctx, json.createObjectNode().put("mode", "READWRITE")));
        app.get("/mode/{subject}", ctx -> respond(ctx, json.createObjectNode().put("mode", "READWRITE")));

        app.get("/schemas/ids/{id}", ctx -> respond(ctx, json.createObjectNode()
                .put("schema", registry.schemaById(schemaId(ctx)))));
        app.get("/schemas/ids/{id}/schema", ctx -> respondRaw(ctx, registry.schemaById(schemaId(ctx))));
        app.get("/schemas/ids/{id}/versions", ctx -> {
            ArrayNode usages = json.createArrayNode();
            registry.usagesOfId(schemaId(ctx)).forEach(v -> usages.addObject()
                    .put("subject", v.subject()).put("version", v.version()));
            respond(ctx, usages);
        });
        app.get("/schemas/ids/{id}/subjects", ctx -> respond(ctx, json.valueToTree(
                registry.usagesOfId(schemaId(ctx)).stream().map(StoreValue.SchemaVersion::subject).distinct().toList())));

        app.get("/subjects", ctx -> respond(ctx, json.valueToTree(registry.subjects(flag(ctx, "deleted")))));
        app.post("/subjects/{subject}/versions", ctx -> {
            StoreValue.SchemaVersion registered = registry.register(subject(ctx), schemaText(ctx));
            respond(ctx, json.createObjectNode().put("id", registered.id()));
        });
        app.post("/subjects/{subject}", ctx -> respond(ctx,
                versionJson(registry.lookup(subject(ctx), schemaText(ctx), flag(ctx, "deleted")))));
        app.get("/subjects/{subject}/versions", ctx -> respond(ctx,
                json.valueToTree(registry.versions(subject(ctx), flag(ctx, "deleted")))));
        app.get("/subjects/{subject}/versions/{version}", ctx -> respond(ctx,
                versionJson(registry.version(subject(ctx), ctx.pathParam("version"), flag(ctx, "deleted")))));
        app.get("/subjects/{subject}/versions/{version}/schema", ctx -> respondRaw(ctx,
                registry.version(subject(ctx), ctx.pathParam("version"), flag(ctx, "deleted")).schema()));
        app.delete("/subjects/{subject}", ctx -> respond(ctx,
                json.valueToTree(registry.deleteSubject(subject(ctx), flag(ctx, "permanent")))));

        app.post("/compatibility/subjects/{subject}/versions/{version}", ctx ->
                respondCompatibility(ctx, ctx.pathParam("version")));
        app.post("/compatibility/subjects/{subject}/versions", ctx -> respondCompatibility(ctx, "latest"));

        app.get("/config", ctx -> respond(ctx, levelJson("compatibilityLevel", registry.globalLevel())));
        app.put("/config", ctx -> {
            CompatibilityLevel level = requestedLevel(ctx);
            registry.setGlobalLevel(level);
            respond(ctx, levelJson("compatibility", level));
        });
        app.get("/config/{subject}", ctx -> {
            String subject = subject(ctx);
            CompatibilityLevel level = registry.subjectLevel(subject)
                    .or(() -> flag(ctx, "defaultToGlobal") ? Optional.of(registry.globalLevel()) : Optional.empty())
                    .orElseThrow(() -> RegistryError.subjectConfigNotFound(subject));
            respond(ctx, levelJson("compatibilityLevel", level));
        });
        app.put("/config/{subject}", ctx -> {
            CompatibilityLevel level = requestedLevel(ctx);
            registry.setSubjectLevel(subject(ctx), level);
            respond(ctx, levelJson("compatibility", level));
        });
        app.delete("/config/{subject}", ctx -> respond(ctx,
                levelJson("compatibilityLevel", registry.deleteSubjectLevel(subject(ctx)))));

        app.exception(RegistryError.class, (error, ctx) -> respondError(ctx, error));
        app.exception(Exception.class, (error, ctx) -> {
            log.error("schema registry request {} {} failed", ctx.method(), ctx.path(), error);
            respondError(ctx, RegistryError.storeFailure(error.toString(), error));
        });
        // Confluent clients probe optional endpoints and fall back on 404 only: never answer 405 or plain text
        app.error(404, ctx -> {
            if (ctx.attribute(ERROR_WRITTEN) == null) {
                respondError(ctx, RegistryError.endpointNotFound(ctx.method().name(), ctx.path()));
            }
        });
    }

    private void respondCompatibility(Context ctx, String version) {
        List<String> problems = registry.compatibilityIssues(subject(ctx), version, schemaText(ctx));
        ObjectNode answer = json.createObjectNode().put("is_compatible", problems.isEmpty());
        if (flag(ctx, "verbose")) {
            answer.set("messages", json.valueToTree(problems));
        }
        respond(ctx, answer);
    }

    private ObjectNode versionJson(StoreValue.SchemaVersion version) {
        return json.createObjectNode()
                .put("subject", version.subject())
                .put("version", version.version())
                .put("id", version.id())
                .put("schema", version.schema());
    }

    private ObjectNode levelJson(String field, CompatibilityLevel level) {
        return json.createObjectNode().put(field, level.name());
    }

    private CompatibilityLevel requestedLevel(Context ctx) {
        JsonNode body = body(ctx);
        String name = body.path("compatibility").asText(body.path("compatibilityLevel").asText(null));
        return CompatibilityLevel.parse(name).orElseThrow(() -> RegistryError.invalidCompatibilityLevel(name));
    }

    /** The Avro schema of a register/lookup/compatibility request, after checking what this registry supports. */
    private String schemaText(Context ctx) {
        JsonNode body = body(ctx);
        String type = body.path("schemaType").asText("AVRO");
        if (!type.equalsIgnoreCase("AVRO")) {
            throw RegistryError.invalidSchema("schemaType " + type + " is not supported; this registry handles AVRO");
        }
        JsonNode references = body.get("references");
        if (references != null && references.isArray() && !references.isEmpty()) {
            throw RegistryError.invalidSchema("schema references are not supported; inline the referenced types");
        }
        JsonNode schema = body.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw RegistryError.invalidSchema("the request needs a 'schema' string");
        }
        return schema.asText();
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
        ObjectNode body = json.createObjectNode().put("error_code", error.errorCode()).put("message", error.getMessage());
        ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
        if (error.httpStatus() == 401) {
            ctx.header("WWW-Authenticate", "Basic realm=\"schema-registry\"");
        }
        ctx.status(error.httpStatus()).contentType(CONTENT_TYPE).result(body.toString());
    }
}
