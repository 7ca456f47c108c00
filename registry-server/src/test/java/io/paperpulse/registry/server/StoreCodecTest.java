package io.paperpulse.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.registry.client.SchemaReference;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The {@code _schemas} record format: new fields are optional, so topics written before them still
 * load.
 */
class StoreCodecTest {

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsSchemaRecordsWrittenWithoutReferences() throws Exception {
    // exactly what the registry wrote before references existed
    Optional<StoreEntry> entry =
        StoreCodec.decode(
            utf8("{\"keytype\":\"SCHEMA\",\"subject\":\"papers-value\",\"version\":2,\"magic\":1}"),
            utf8(
                "{\"subject\":\"papers-value\",\"version\":2,\"id\":5,\"schema\":\"\\\"string\\\"\",\"deleted\":true}"));
    assertThat(entry)
        .contains(
            new StoreEntry(
                new StoreKey.SchemaVersion("papers-value", 2),
                new StoreValue.SchemaVersion("papers-value", 2, 5, "\"string\"", List.of(), true)));
  }

  @Test
  void writesReferencesOnlyWhenThereAreSome() throws Exception {
    StoreValue.SchemaVersion plain =
        new StoreValue.SchemaVersion("a", 1, 1, "\"string\"", List.of(), false);
    assertThat(new String(StoreCodec.encodeValue(plain), StandardCharsets.UTF_8))
        .doesNotContain("references");

    StoreValue.SchemaVersion referencing =
        new StoreValue.SchemaVersion(
            "b", 3, 9, "{}", List.of(new SchemaReference("io.example.Author", "author", 2)), false);
    byte[] value = StoreCodec.encodeValue(referencing);
    assertThat(new String(value, StandardCharsets.UTF_8))
        .contains(
            "\"references\":[{\"name\":\"io.example.Author\",\"subject\":\"author\",\"version\":2}]");
    assertThat(StoreCodec.decode(StoreCodec.encodeKey(referencing.key()), value))
        .contains(new StoreEntry(referencing.key(), referencing));
  }

  @Test
  void modesRoundTripForSubjectAndGlobalScope() throws Exception {
    for (StoreKey.Mode key : List.of(new StoreKey.Mode("papers-value"), new StoreKey.Mode(null))) {
      StoreValue.Mode value = new StoreValue.Mode(RegistryMode.IMPORT);
      byte[] keyBytes = StoreCodec.encodeKey(key);
      assertThat(new String(keyBytes, StandardCharsets.UTF_8)).contains("\"keytype\":\"MODE\"");
      assertThat(StoreCodec.decode(keyBytes, StoreCodec.encodeValue(value)))
          .contains(new StoreEntry(key, value));
      assertThat(StoreCodec.decode(keyBytes, null)).contains(StoreEntry.tombstone(key));
    }
  }

  @Test
  void oldStoreContentLoadsIntoTheRegistry() {
    InMemorySchemaStore store = new InMemorySchemaStore();
    store.write(
        new StoreEntry(
            new StoreKey.SchemaVersion("p-value", 1),
            new StoreValue.SchemaVersion("p-value", 1, 3, "\"string\"", List.of(), false)));
    store.write(new StoreEntry(new StoreKey.IdWatermark(), new StoreValue.IdWatermark(7)));
    SchemaRegistry registry = new SchemaRegistry(store);
    assertThat(registry.globalMode()).isEqualTo(RegistryMode.READWRITE);
    assertThat(registry.register("p-value", SchemaRegistry.SchemaRequest.of("\"string\"")).id())
        .isEqualTo(3);
    assertThat(registry.register("q-value", SchemaRegistry.SchemaRequest.of("\"long\"")).id())
        .isEqualTo(8);
  }
}
