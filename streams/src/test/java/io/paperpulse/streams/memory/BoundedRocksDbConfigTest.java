package io.paperpulse.streams.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperpulse.streams.app.StreamsProperties;
import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application's streams properties bound RocksDB through the shared cache, and stores still
 * work.
 */
class BoundedRocksDbConfigTest {

  // a capacity no other test uses, so the usage seen here comes from this test's stores
  private static final long CAPACITY = 48L * 1024 * 1024 + 4096;

  @TempDir Path stateDir;

  @Test
  void applicationPropertiesInstallTheSetter() {
    Properties props =
        StreamsProperties.streams(
            PaperPulseStreamsConfig.of("localhost:9092", "http://r", stateDir, Map.of()));

    assertThat(props.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG))
        .isEqualTo(BoundedRocksDbConfig.class.getName());
  }

  @Test
  void storesOfTheApplicationDrawOnTheSharedCacheAndSurviveEachOthersClose() {
    SharedRocksDbMemory memory = SharedRocksDbMemory.ofCapacity(CAPACITY);
    assertThat(memory.usageBytes()).isZero();

    try (TopologyTestDriver first = driver("first")) {
      write(first, 2_000);
      assertThat(store(first).get("paper-1999")).isEqualTo("value-1999");
      // memtables are charged to the shared cache through the write buffer manager
      assertThat(memory.usageBytes()).isPositive().isLessThanOrEqualTo(CAPACITY);
    }

    // closing the first driver's stores must not release what the next application shares
    try (TopologyTestDriver second = driver("second")) {
      write(second, 10);
      assertThat(store(second).get("paper-9")).isEqualTo("value-9");
      assertThat(memory.usageBytes()).isPositive();
    }
  }

  @Test
  void capacityComesFromTheStreamsSettingWithADefault() {
    assertThat(BoundedRocksDbConfig.memoryBytes(Map.of()))
        .isEqualTo(BoundedRocksDbConfig.DEFAULT_MEMORY_BYTES);
    assertThat(
            BoundedRocksDbConfig.memoryBytes(
                Map.of(BoundedRocksDbConfig.MEMORY_BYTES_CONFIG, "1048576")))
        .isEqualTo(1_048_576L);
    assertThat(
            BoundedRocksDbConfig.memoryBytes(
                Map.of(BoundedRocksDbConfig.MEMORY_BYTES_CONFIG, 2048L)))
        .isEqualTo(2048L);
    assertThatThrownBy(
            () ->
                BoundedRocksDbConfig.memoryBytes(
                    Map.of(BoundedRocksDbConfig.MEMORY_BYTES_CONFIG, "64MB")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(BoundedRocksDbConfig.MEMORY_BYTES_CONFIG);
    assertThatThrownBy(
            () ->
                BoundedRocksDbConfig.memoryBytes(
                    Map.of(BoundedRocksDbConfig.MEMORY_BYTES_CONFIG, "0")))
        .isInstanceOf(ConfigException.class);
  }

  private TopologyTestDriver driver(String name) {
    PaperPulseStreamsConfig config =
        PaperPulseStreamsConfig.of(
            "localhost:9092",
            "http://unused",
            stateDir.resolve(name),
            Map.of(
                PaperPulseStreamsConfig.APPLICATION_ID_CONFIG,
                "memory-" + name,
                BoundedRocksDbConfig.MEMORY_BYTES_CONFIG,
                Long.toString(CAPACITY)));
    Properties props = StreamsProperties.streams(config);
    StreamsBuilder builder = new StreamsBuilder();
    builder.table(
        "input",
        Consumed.with(Serdes.String(), Serdes.String()),
        Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as("latest")
            .withKeySerde(Serdes.String())
            .withValueSerde(Serdes.String()));
    return new TopologyTestDriver(builder.build(), props);
  }

  private static void write(TopologyTestDriver driver, int count) {
    TestInputTopic<String, String> input =
        driver.createInputTopic("input", new StringSerializer(), new StringSerializer());
    for (int i = 0; i < count; i++) {
      input.pipeInput("paper-" + i, "value-" + i);
    }
  }

  private static KeyValueStore<String, String> store(TopologyTestDriver driver) {
    return driver.getKeyValueStore("latest");
  }
}
