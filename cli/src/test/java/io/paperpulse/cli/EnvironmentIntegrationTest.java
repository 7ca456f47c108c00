package io.paperpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpulse.cli.environment.EnvironmentKind;
import io.paperpulse.cli.environment.EnvironmentSelection;
import io.paperpulse.cli.environment.IntegrationEnvironment;
import io.paperpulse.cli.environment.IntegrationEnvironments;
import io.paperpulse.producer.format.InputFormat;
import io.paperpulse.producer.format.InputReader;
import io.paperpulse.producer.format.ParseContext;
import io.paperpulse.producer.sample.BundledSample;
import io.paperpulse.registry.client.RegisteredSchema;
import io.paperpulse.registry.client.RestSchemaRegistryClient;
import io.paperpulse.registry.client.SchemaRegistryClient;
import io.paperpulse.registry.client.SchemaRegistryException;
import io.paperpulse.registry.compatibility.CompatibilityLevel;
import io.paperpulse.registry.serde.SpecificAvroSerde;
import io.paperpulse.registry.serde.WireFormat;
import io.paperpulse.schema.PaperEvent;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same integration tests in every environment {@link EnvironmentSelection} allows: the embedded
 * cluster, and Apache Kafka with the real Confluent Schema Registry in containers where Docker runs
 * (otherwise that invocation is reported as skipped with the reason). Everything goes through the
 * environment's addresses, exactly as a deployment would.
 */
class EnvironmentIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final IntegrationEnvironments ENVIRONMENTS = new IntegrationEnvironments();

  @TempDir static Path workDir;

  @ParameterizedTest(name = "{0}")
  @EnumSource(EnvironmentKind.class)
  void publishesTheBundledSampleAndConsumesEveryPaperDecoded(EnvironmentKind kind)
      throws Exception {
    IntegrationEnvironment environment = ENVIRONMENTS.get(kind);
    Path sample = workDir.resolve(kind.name().toLowerCase() + "-" + BundledSample.NAME);
    try (InputStream in = BundledSample.open()) {
      Files.copy(in, sample);
    }
    int expected =
        InputReader.read(
                Files.readString(sample),
                InputFormat.AUTO,
                new ParseContext(sample.toString(), BundledSample.asOf(), Instant.now()))
            .papers()
            .size();

    CliRun topics =
        CliRun.run(
            connection(environment), "topics", "--topic-prefix", "sample-", "--partitions", "2");
    assertThat(topics.exitCode()).as(topics.err()).isZero();
    CliRun produce =
        CliRun.run(
            connection(environment),
            "produce",
            "--topic-prefix",
            "sample-",
            "--as-of",
            BundledSample.asOf().toString(),
            "--skip-invalid",
            sample.toString());
    assertThat(produce.exitCode()).as(produce.err()).isZero();
    CliRun consume =
        CliRun.run(
            connection(environment),
            "consume",
            "--topic-prefix",
            "sample-",
            "--topic",
            "papers",
            "--from-beginning",
            "--idle-timeout",
            "3s");
    assertThat(consume.exitCode()).as(consume.err()).isZero();

    Set<String> ids = new HashSet<>();
    for (String line : consume.outLines()) {
      JsonNode record = JSON.readTree(line);
      assertThat(record.get("value").get("id").asText()).isEqualTo(record.get("key").asText());
      assertThat(record.get("value").get("title").asText()).isNotBlank();
      ids.add(record.get("key").asText());
    }
    assertThat(consume.outLines()).hasSize(expected);
    assertThat(ids).hasSize(expected);
    CliRun verify =
        CliRun.run(
            connection(environment),
            "topics",
            "--topic-prefix",
            "sample-",
            "--partitions",
            "2",
            "--verify");
    assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(EnvironmentKind.class)
  void registryRegistersLooksUpAndServesSchemasById(EnvironmentKind kind) {
    IntegrationEnvironment environment = ENVIRONMENTS.get(kind);
    String subject = uniqueSubject("lookup", kind);
    Schema schema = note(false);
    try (SchemaRegistryClient registry = registry(environment)) {
      int id = registry.register(subject, schema);

      RegisteredSchema found = registry.lookup(subject, schema);
      assertThat(found.id()).isEqualTo(id);
      assertThat(found.version()).isEqualTo(1);
      assertThat(found.subject()).isEqualTo(subject);
      assertThat(registry.getById(id)).isEqualTo(schema);
      assertThat(registry.subjects()).contains(subject);
      assertThat(registry.latestVersion(subject).schema()).isEqualTo(schema);
      assertThatThrownBy(() -> registry.lookup(subject, note(true)))
          .isInstanceOf(SchemaRegistryException.class);
    }
    // A fresh client has nothing cached: the id resolves on the server.
    try (SchemaRegistryClient fresh = registry(environment)) {
      assertThat(fresh.getById(fresh.lookup(subject, schema).id())).isEqualTo(schema);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(EnvironmentKind.class)
  void registryEnforcesBackwardCompatibilityOnEvolution(EnvironmentKind kind) {
    IntegrationEnvironment environment = ENVIRONMENTS.get(kind);
    String subject = uniqueSubject("evolution", kind);
    try (SchemaRegistryClient registry = registry(environment)) {
      registry.register(subject, note(false));
      assertThat(registry.getCompatibility(subject)).isEqualTo(CompatibilityLevel.BACKWARD);

      Schema withDefault =
          SchemaBuilder.record("Note")
              .namespace("io.paperpulse.it")
              .fields()
              .requiredString("text")
              .name("score")
              .type()
              .intType()
              .intDefault(0)
              .endRecord();
      Schema withoutDefault = note(true);

      assertThat(registry.isCompatible(subject, withDefault))
          .as("new field with a default")
          .isTrue();
      assertThat(registry.isCompatible(subject, withoutDefault))
          .as("new field without a default")
          .isFalse();
      assertThatThrownBy(() -> registry.register(subject, withoutDefault))
          .isInstanceOf(SchemaRegistryException.class);
      int evolved = registry.register(subject, withDefault);
      assertThat(registry.versions(subject)).containsExactly(1, 2);
      assertThat(registry.version(subject, 2).id()).isEqualTo(evolved);

      registry.setCompatibility(subject, CompatibilityLevel.NONE);
      assertThat(registry.getCompatibility(subject)).isEqualTo(CompatibilityLevel.NONE);
      assertThat(registry.isCompatible(subject, withoutDefault)).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(EnvironmentKind.class)
  void serdeWritesConfluentWireFormatThatReadsBackThroughTheRegistry(EnvironmentKind kind) {
    IntegrationEnvironment environment = ENVIRONMENTS.get(kind);
    String topic = "serde-" + kind.name().toLowerCase();
    PaperEvent paper =
        PaperEvent.newBuilder()
            .setId("2401.00001")
            .setTitle("Streams of papers")
            .setAbstract$("An abstract.")
            .setAuthors(List.of("A. Author"))
            .setAuthorCount(1)
            .setPublishedAt(Instant.parse("2024-01-08T00:00:00Z"))
            .setUpvotes(5)
            .setSource("jsonl")
            .setIngestedAt(Instant.parse("2024-01-09T00:00:00Z"))
            .build();
    try (SchemaRegistryClient registry = registry(environment);
        SpecificAvroSerde<PaperEvent> serde =
            SpecificAvroSerde.of(PaperEvent.class, registry, false)) {
      byte[] bytes = serde.serializer().serialize(topic, paper);

      assertThat(bytes[0]).isEqualTo(WireFormat.MAGIC_BYTE);
      int id = WireFormat.schemaId(bytes, topic);
      assertThat(registry.lookup(topic + "-value", PaperEvent.getClassSchema()).id()).isEqualTo(id);
      try (SchemaRegistryClient fresh = registry(environment);
          SpecificAvroSerde<PaperEvent> reader =
              SpecificAvroSerde.of(PaperEvent.class, fresh, false)) {
        assertThat(reader.deserializer().deserialize(topic, bytes)).isEqualTo(paper);
      }
    }
  }

  private static Map<String, String> connection(IntegrationEnvironment environment) {
    return Map.of(
        "PAPERPULSE_BOOTSTRAP_SERVERS",
        environment.bootstrapServers(),
        "PAPERPULSE_SCHEMA_REGISTRY",
        environment.schemaRegistryUrl());
  }

  private static SchemaRegistryClient registry(IntegrationEnvironment environment) {
    return new RestSchemaRegistryClient(environment.schemaRegistryUrl());
  }

  private static String uniqueSubject(String purpose, EnvironmentKind kind) {
    return "it-" + purpose + "-" + kind.name().toLowerCase() + "-" + System.nanoTime() + "-value";
  }

  /** A small record; with {@code score} a required field that old data lacks. */
  private static Schema note(boolean withRequiredScore) {
    SchemaBuilder.FieldAssembler<Schema> fields =
        SchemaBuilder.record("Note").namespace("io.paperpulse.it").fields().requiredString("text");
    return (withRequiredScore ? fields.requiredInt("score") : fields).endRecord();
  }
}
