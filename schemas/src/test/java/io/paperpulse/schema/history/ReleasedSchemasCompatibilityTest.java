package io.paperpulse.schema.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * The build's schema evolution gate: every schema in src/main/avro must be BACKWARD compatible with
 * all of its released versions in src/main/avro-history, and every schema must have a history. A
 * failing run lists each incompatibility with its location.
 */
class ReleasedSchemasCompatibilityTest {

  private static final Path SCHEMAS = Path.of("src/main/avro");
  private static final Path HISTORY = Path.of("src/main/avro-history");
  private static final String PACKAGE = "io.paperpulse.schema.";

  private static Schema current(String name) throws ReflectiveOperationException {
    return (Schema) Class.forName(PACKAGE + name).getField("SCHEMA$").get(null);
  }

  private static List<String> schemaNames() throws IOException {
    try (Stream<Path> files = Files.walk(SCHEMAS)) {
      return files
          .map(path -> path.getFileName().toString())
          .filter(file -> file.endsWith(".avsc"))
          .map(file -> file.substring(0, file.length() - ".avsc".length()))
          .sorted()
          .toList();
    }
  }

  @Test
  void everySchemaCanReadAllItsReleasedVersions() throws Exception {
    Map<String, List<ReleasedSchemas.Version>> history = ReleasedSchemas.load(HISTORY);
    List<String> problems = new ArrayList<>();
    for (String name : schemaNames()) {
      List<ReleasedSchemas.Version> released = history.get(name);
      if (released == null || released.isEmpty()) {
        problems.add(
            "schema "
                + name
                + " has no released version in "
                + HISTORY
                + "/"
                + name
                + "/v1.avsc: add it when the schema is first released");
        continue;
      }
      problems.addAll(BackwardCompatibilityCheck.problems(name, current(name), released));
    }
    assertThat(problems).as("incompatible schema changes").isEmpty();
  }

  @Test
  void historyCoversOnlyExistingSchemas() throws Exception {
    assertThat(schemaNames()).containsAll(ReleasedSchemas.load(HISTORY).keySet());
  }

  @Test
  void aCompatibleV2WithANewOptionalFieldPasses() throws Exception {
    Schema v2 =
        new Schema.Parser().parse(getClass().getResourceAsStream("/evolution/PaperEvent-v2.avsc"));
    assertThat(
            BackwardCompatibilityCheck.problems(
                "PaperEvent", v2, ReleasedSchemas.load(HISTORY).get("PaperEvent")))
        .isEmpty();
  }

  @Test
  void anIncompatibleV3IsRejectedWithAClearMessage() throws Exception {
    Schema v3 =
        new Schema.Parser()
            .parse(getClass().getResourceAsStream("/evolution/PaperEvent-v3-incompatible.avsc"));
    List<String> problems =
        BackwardCompatibilityCheck.problems(
            "PaperEvent", v3, ReleasedSchemas.load(HISTORY).get("PaperEvent"));
    assertThat(problems)
        .hasSize(ReleasedSchemas.load(HISTORY).get("PaperEvent").size())
        .allSatisfy(
            problem ->
                assertThat(problem)
                    .contains(
                        "PaperEvent", "READER_FIELD_MISSING_DEFAULT_VALUE", "venue", "default"))
        .anySatisfy(problem -> assertThat(problem).contains("released v1"));
  }
}
