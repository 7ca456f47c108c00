package io.paperpulse.registry.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperpulse.registry.compatibility.CompatibilityLevel;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schema Registry client over the Confluent REST API (java.net.http + Jackson). Thread-safe; share
 * one instance between serdes so that they share its caches.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

  /**
   * The media type Confluent's API speaks; sent on every request, GETs included, as Confluent's
   * client does.
   */
  public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private static final Logger log = LoggerFactory.getLogger(RestSchemaRegistryClient.class);

  private final ClientSettings settings;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final Map<SubjectSchema, Integer> registeredIds = new ConcurrentHashMap<>();
  private final Map<SubjectSchema, RegisteredSchema> lookedUp = new ConcurrentHashMap<>();

  /** Subject versions fetched to resolve references, keyed by subject and version. */
  private final Map<SchemaReference, JsonNode> referencedVersions = new ConcurrentHashMap<>();

  private record SubjectSchema(String subject, Schema schema) {}

  public RestSchemaRegistryClient(ClientSettings settings) {
    this.settings = settings;
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            // HTTP/1.1: plain-http upgrade attempts to h2c confuse some proxies and servers
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.connectTimeout());
    settings.sslContext().ifPresent(builder::sslContext);
    this.http = builder.build();
  }

  public RestSchemaRegistryClient(String url) {
    this(ClientSettings.forUrl(url));
  }

  /**
   * A client configured from Confluent property names ({@code schema.registry.url}, basic auth,
   * TLS, retries).
   */
  public static RestSchemaRegistryClient fromConfig(Map<String, ?> config) {
    return new RestSchemaRegistryClient(ClientSettings.fromConfig(config));
  }

  public List<URI> urls() {
    return settings.urls();
  }

  @Override
  public int register(String subject, Schema schema) {
    SubjectSchema key = new SubjectSchema(subject, schema);
    Integer cached = registeredIds.get(key);
    if (cached != null) {
      return cached;
    }
    JsonNode answer =
        send("POST", subjectPath(subject) + "/versions?normalize=false", schemaBody(schema));
    int id = requiredInt(answer, "id");
    registeredIds.put(key, id);
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  @Override
  public RegisteredSchema lookup(String subject, Schema schema) {
    SubjectSchema key = new SubjectSchema(subject, schema);
    RegisteredSchema cached = lookedUp.get(key);
    if (cached != null) {
      return cached;
    }
    RegisteredSchema found =
        toRegistered(
            send(
                "POST",
                subjectPath(subject) + "?normalize=false&deleted=false",
                schemaBody(schema)));
    lookedUp.put(key, found);
    return found;
  }

  @Override
  public Schema getById(int id) {
    Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    Schema schema =
        parseWithReferences(send("GET", "/schemas/ids/" + id + "?fetchMaxId=false", null));
    Schema raced = schemasById.putIfAbsent(id, schema);
    return raced == null ? schema : raced;
  }

  @Override
  public RegisteredSchema latestVersion(String subject) {
    return toRegistered(send("GET", subjectPath(subject) + "/versions/latest", null));
  }

  @Override
  public RegisteredSchema version(String subject, int version) {
    return toRegistered(send("GET", subjectPath(subject) + "/versions/" + version, null));
  }

  @Override
  public List<String> subjects() {
    List<String> subjects = new ArrayList<>();
    send("GET", "/subjects", null).forEach(node -> subjects.add(node.asText()));
    return subjects;
  }

  @Override
  public List<Integer> versions(String subject) {
    List<Integer> versions = new ArrayList<>();
    send("GET", subjectPath(subject) + "/versions", null)
        .forEach(node -> versions.add(node.asInt()));
    return versions;
  }

  @Override
  public boolean isCompatible(String subject, Schema schema) {
    JsonNode answer =
        send(
            "POST",
            "/compatibility" + subjectPath(subject) + "/versions/latest",
            schemaBody(schema));
    JsonNode flag = answer.get("is_compatible");
    if (flag == null || !flag.isBoolean()) {
      throw new SchemaRegistryException(
          0, 0, "schema registry answer lacks 'is_compatible': " + answer);
    }
    return flag.asBoolean();
  }

  @Override
  public CompatibilityLevel getCompatibility(String subject) {
    String path =
        subject == null ? "/config" : "/config/" + encode(subject) + "?defaultToGlobal=true";
    String level = requiredText(send("GET", path, null), "compatibilityLevel");
    return CompatibilityLevel.parse(level)
        .orElseThrow(
            () ->
                new SchemaRegistryException(
                    0, 0, "schema registry reported unknown compatibility level '" + level + "'"));
  }

  @Override
  public void setCompatibility(String subject, CompatibilityLevel level) {
    ObjectNode body = json.createObjectNode().put("compatibility", level.name());
    send("PUT", subject == null ? "/config" : "/config/" + encode(subject), body);
  }

  @Override
  public void close() {
    // java.net.http.HttpClient on Java 17 has no close(); its threads are daemons and die with it
  }

  private ObjectNode schemaBody(Schema schema) {
    return json.createObjectNode().put("schemaType", "AVRO").put("schema", schema.toString());
  }

  private RegisteredSchema toRegistered(JsonNode answer) {
    return new RegisteredSchema(
        requiredText(answer, "subject"),
        requiredInt(answer, "version"),
        requiredInt(answer, "id"),
        parseWithReferences(answer));
  }

  /**
   * Parses the {@code schema} of an answer. When the answer carries {@code references} (schemas
   * registered with references, Confluent 5.5 and later), the referenced versions are fetched,
   * their own references first, and parsed into the same Avro parser, so the named types they
   * define are known to the schema.
   */
  private Schema parseWithReferences(JsonNode answer) {
    String text = requiredText(answer, "schema");
    JsonNode references = answer.get("references");
    if (references == null || !references.isArray() || references.isEmpty()) {
      return parse(new Schema.Parser(), text);
    }
    Schema.Parser parser = new Schema.Parser();
    Set<SchemaReference> loaded = new HashSet<>();
    for (JsonNode reference : references) {
      loadReference(parser, reference, loaded);
    }
    return parse(parser, text);
  }

  private void loadReference(
      Schema.Parser parser, JsonNode reference, Set<SchemaReference> loaded) {
    String subject = requiredText(reference, "subject");
    int version = requiredInt(reference, "version");
    // the name is irrelevant to resolution (Avro finds types by their own names): key by subject
    // and version
    SchemaReference key = new SchemaReference("", subject, version);
    if (!loaded.add(key)) {
      return;
    }
    JsonNode referenced =
        referencedVersions.computeIfAbsent(
            key,
            k ->
                send("GET", subjectPath(subject) + "/versions/" + version + "?deleted=true", null));
    JsonNode nested = referenced.get("references");
    if (nested != null && nested.isArray()) {
      for (JsonNode inner : nested) {
        loadReference(parser, inner, loaded);
      }
    }
    parse(parser, requiredText(referenced, "schema"));
  }

  private static Schema parse(Schema.Parser parser, String text) {
    try {
      return parser.parse(text);
    } catch (SchemaParseException e) {
      throw new SchemaRegistryException(
          "schema registry returned a schema that is not valid Avro: " + e.getMessage(), e);
    }
  }

  private static String subjectPath(String subject) {
    return "/subjects/" + encode(subject);
  }

  /**
   * Path-segment encoding: URLEncoder targets forms, where a space is '+', which a path would keep
   * literally.
   */
  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static int requiredInt(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.canConvertToInt()) {
      throw new SchemaRegistryException(
          0, 0, "schema registry answer lacks integer '" + field + "': " + node);
    }
    return value.asInt();
  }

  private static String requiredText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new SchemaRegistryException(
          0, 0, "schema registry answer lacks text '" + field + "': " + node);
    }
    return value.asText();
  }

  /**
   * Sends the request to each URL in order until one answers; connection failures and 5xx answers
   * move on to the next URL and, once all failed, to another round after a backoff. 4xx answers are
   * final.
   */
  private JsonNode send(String method, String pathAndQuery, JsonNode body) {
    String payload = serialize(body);
    RetryPolicy retries = settings.retryPolicy();
    SchemaRegistryException last = null;
    for (int round = 0; round <= retries.maxRetries(); round++) {
      if (round > 0) {
        Duration wait = retries.waitBefore(round);
        log.warn(
            "schema registry request {} {} failed ({}); retry {} of {} in {} ms",
            method,
            pathAndQuery,
            last.getMessage(),
            round,
            retries.maxRetries(),
            wait.toMillis());
        sleep(wait);
      }
      for (URI base : settings.urls()) {
        URI target = URI.create(base + pathAndQuery);
        HttpResponse<String> response;
        try {
          response =
              http.send(request(method, target, payload), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
          last =
              new SchemaRegistryException(
                  "cannot reach schema registry at "
                      + base
                      + " ("
                      + method
                      + " "
                      + pathAndQuery
                      + "): "
                      + describe(e),
                  e);
          continue;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new SchemaRegistryException(
              "interrupted while calling schema registry at " + base, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
          return readJson(response.body(), target);
        }
        SchemaRegistryException refusal =
            refusal(method, pathAndQuery, base, status, response.body());
        if (status < 500) {
          throw refusal;
        }
        last = refusal;
      }
    }
    throw last;
  }

  private HttpRequest request(String method, URI target, String payload) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(target)
            .timeout(settings.requestTimeout())
            .header("Content-Type", CONTENT_TYPE)
            .header("Accept", CONTENT_TYPE + ", application/json");
    settings.authorizationHeader().ifPresent(value -> builder.header("Authorization", value));
    HttpRequest.BodyPublisher publisher =
        payload == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8);
    return builder.method(method, publisher).build();
  }

  private String serialize(JsonNode body) {
    if (body == null) {
      return null;
    }
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode request body", e);
    }
  }

  private JsonNode readJson(String body, URI target) {
    if (body == null || body.isBlank()) {
      return NullNode.getInstance();
    }
    try {
      return json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new SchemaRegistryException(
          0,
          0,
          "schema registry at " + target + " answered with invalid JSON: " + abbreviate(body));
    }
  }

  private SchemaRegistryException refusal(
      String method, String path, URI base, int status, String body) {
    int errorCode = status;
    String message = abbreviate(body);
    try {
      JsonNode error = json.readTree(body);
      if (error != null && error.has("error_code")) {
        errorCode = error.get("error_code").asInt(status);
        message = error.path("message").asText(message);
      }
    } catch (JsonProcessingException ignored) {
      // not Confluent's error shape (a proxy page, say): keep the raw text as the message
    }
    return new SchemaRegistryException(
        status,
        errorCode,
        "schema registry at "
            + base
            + " refused "
            + method
            + " "
            + path
            + ": HTTP "
            + status
            + ", error_code "
            + errorCode
            + ": "
            + message);
  }

  private static String describe(IOException e) {
    return e.getMessage() == null
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private static String abbreviate(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= 300 ? text : text.substring(0, 300) + "...";
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException(
          "interrupted while waiting to retry the schema registry", e);
    }
  }
}
