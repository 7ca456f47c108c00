package io.paperpulse.streams.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperpulse.streams.alerts.AlertThreshold;
import io.paperpulse.streams.app.ProcessingGuarantee;
import io.paperpulse.streams.app.StreamsProperties;
import io.paperpulse.streams.buckets.BucketDate;
import io.paperpulse.streams.buckets.Granularity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaperPulseStreamsConfigTest {

  private static PaperPulseStreamsConfig config(Map<String, ?> settings) {
    return PaperPulseStreamsConfig.of(
        "broker:9092", "http://registry:8081", Path.of("state"), settings);
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    PaperPulseStreamsConfig config = config(Map.of());

    assertThat(config.applicationId()).isEqualTo("paperpulse");
    assertThat(config.guarantee()).isEqualTo(ProcessingGuarantee.EXACTLY_ONCE_V2);
    assertThat(config.topicPrefix()).isEmpty();
    assertThat(config.partitions()).isEqualTo(3);
    assertThat(config.replicationFactor()).isEqualTo((short) 1);
    assertThat(config.granularities()).isEqualTo(Granularity.DEFAULTS);
    assertThat(config.bucketBy()).isEqualTo(BucketDate.PUBLISHED);
    assertThat(config.topN()).isEqualTo(20);
    assertThat(config.trendingLookback()).isEqualTo(4);
    assertThat(config.emitInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.alertThreshold()).isEqualTo(AlertThreshold.DEFAULT);
    assertThat(config.maxOutputRecordBytes()).isEqualTo(1_000_000);
    assertThat(config.maxAbstractChars()).isEqualTo(20_000);
    assertThat(config.maxFutureSkew()).isEqualTo(Duration.ofDays(1));
    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.applicationServer()).isNull();
  }

  @Test
  void textSettingsBecomeTypedValues() {
    PaperPulseStreamsConfig config =
        config(
            Map.of(
                "paperpulse.granularities", "Year, week,week",
                "paperpulse.bucket.by", "featured",
                "paperpulse.top.n", "5",
                "paperpulse.emit.interval.ms", "250",
                "paperpulse.alert.min.score", "2.5",
                "paperpulse.alert.min.papers", "7",
                "processing.guarantee", "at-least-once",
                "paperpulse.topic.prefix", "dev."));

    assertThat(config.granularities()).containsExactly(Granularity.WEEK, Granularity.YEAR);
    assertThat(config.bucketBy()).isEqualTo(BucketDate.FEATURED);
    assertThat(config.topN()).isEqualTo(5);
    assertThat(config.emitInterval()).isEqualTo(Duration.ofMillis(250));
    assertThat(config.alertThreshold()).isEqualTo(new AlertThreshold(2.5, 7));
    assertThat(config.guarantee()).isEqualTo(ProcessingGuarantee.AT_LEAST_ONCE);
    assertThat(config.topics().papers()).isEqualTo("dev.papers");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "paperpulse.granularities | day,fortnight | fortnight",
        "paperpulse.granularities | ''            | no granularity",
        "processing.guarantee     | exactly_twice | exactly_once_v2",
        "paperpulse.bucket.by     | listed        | published, featured",
        "paperpulse.top.n         | 0             | at least 1",
        "paperpulse.topic.partitions | many       | INT",
        "paperpulse.http.port     | 70000         | no more than 65535",
        "paperpulse.alert.min.papers | 0          | at least 1",
        "replication.factor       | 40000         | no more than 32767",
        "group.instance.id        | ' '           | blank",
        "paperpulse.alert.min.score | NaN         | must be a number",
        "compression.type         | brotli        | lz4",
        "batch.size               | -1            | at least 0",
      })
  void invalidValuesAreRefusedNamingKeyAndProblem(String key, String value, String problem) {
    assertThatThrownBy(() -> config(Map.of(key, value)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(key)
        .hasMessageContaining(problem);
  }

  @Test
  void anUnknownKeyInPaperpulsesNamespaceIsAMisspelling() {
    assertThatThrownBy(() -> config(Map.of("paperpulse.topn", "5")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("paperpulse.topn");
  }

  @Test
  void kafkaStreamsGetsOtherSettingsAsGivenAndItsOwnKeysChecked() {
    PaperPulseStreamsConfig config =
        config(
            Map.of(
                "security.protocol", "SSL",
                "max.poll.records", "50",
                "processing.guarantee", "AT_LEAST_ONCE",
                "commit.interval.ms", "200",
                "paperpulse.top.n", "5",
                "paperpulse.rocksdb.memory.bytes", "1048576",
                "compression.type", "zstd"));

    Properties props = StreamsProperties.streams(config);

    assertThat(props)
        .containsEntry("security.protocol", "SSL")
        .containsEntry("max.poll.records", "50")
        .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE)
        .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200L)
        .containsEntry("paperpulse.rocksdb.memory.bytes", 1_048_576L)
        .containsEntry("compression.type", "zstd")
        .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "paperpulse")
        .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092")
        .containsEntry("schema.registry.url", "http://registry:8081")
        .doesNotContainKey("paperpulse.top.n");
    assertThat(StreamsProperties.admin(config))
        .containsEntry("security.protocol", "SSL")
        .doesNotContainKey("paperpulse.top.n")
        .doesNotContainKey(StreamsConfig.PROCESSING_GUARANTEE_CONFIG);
  }

  @Test
  void theCommitIntervalDefaultsByGuaranteeUnlessSet() {
    // under exactly-once a paper's counts pass two commits, at least once one
    assertThat(config(Map.of()).commitIntervalMs()).isEqualTo(500);
    assertThat(config(Map.of("processing.guarantee", "at_least_once")).commitIntervalMs())
        .isEqualTo(2000);
    assertThat(StreamsProperties.streams(config(Map.of("processing.guarantee", "at_least_once"))))
        .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 2000L);
    assertThat(
            config(Map.of("processing.guarantee", "at_least_once", "commit.interval.ms", "250"))
                .commitIntervalMs())
        .isEqualTo(250);
    assertThatThrownBy(() -> config(Map.of("commit.interval.ms", "-1")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("commit.interval.ms");
  }

  @Test
  void paperpulsesDefaultsOfKafkaStreamsKeysApplyUnlessSet() {
    Properties props = StreamsProperties.streams(config(Map.of()));

    assertThat(props)
        .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 500L)
        .containsEntry(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 10L * 1024 * 1024)
        .containsEntry(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1)
        .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1)
        .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
        .containsEntry("compression.type", "lz4")
        .containsEntry("batch.size", 262_144)
        .doesNotContainKey("group.instance.id");
  }

  /** lz4 and 256 KiB batches by default; the plain key replaces that, the prefixed one wins. */
  @ParameterizedTest
  @CsvSource({
    "compression.type, lz4,    zstd,  snappy",
    "batch.size,       262144, 65536, 32768",
  })
  void theProducersGetPaperpulsesDefaultUnlessToldOtherwise(
      String key, String byDefault, String plain, String prefixed) {
    assertThat(producerSetting(Map.of(), key)).isEqualTo(byDefault);
    assertThat(producerSetting(Map.of(key, plain), key)).isEqualTo(plain);
    assertThat(producerSetting(Map.of(key, plain, "producer." + key, prefixed), key))
        .isEqualTo(prefixed);
    assertThat(
            new StreamsConfig(StreamsProperties.streams(config(Map.of())))
                .getMainConsumerConfigs("g", "c", 0))
        .doesNotContainKey(key);
  }

  /**
   * Restoring stores read 10,000 records per poll unless their own key says otherwise; processing
   * keeps 1,000 or the plain key.
   */
  @Test
  void onlyTheRestoreConsumerTakesLargerBatches() {
    StreamsConfig byDefault = new StreamsConfig(StreamsProperties.streams(config(Map.of())));
    StreamsConfig given =
        new StreamsConfig(
            StreamsProperties.streams(config(Map.of("restore.consumer.max.poll.records", "2500"))));

    assertThat(byDefault.getRestoreConsumerConfigs("c"))
        .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
    assertThat(byDefault.getMainConsumerConfigs("g", "c", 0))
        .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000");
    assertThat(given.getRestoreConsumerConfigs("c"))
        .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2500);
    StreamsConfig plain =
        new StreamsConfig(StreamsProperties.streams(config(Map.of("max.poll.records", "500"))));
    assertThat(plain.getMainConsumerConfigs("g", "c", 0))
        .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
    assertThat(plain.getRestoreConsumerConfigs("c"))
        .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
    assertThatThrownBy(() -> config(Map.of("restore.consumer.max.poll.records", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("restore.consumer.max.poll.records");
  }

  private static String producerSetting(Map<String, String> settings, String key) {
    return String.valueOf(
        new StreamsConfig(StreamsProperties.streams(config(settings)))
            .getProducerConfigs("client")
            .get(key));
  }

  @Test
  void withKeepsTheOtherSettingsAndChecksTheResult() {
    PaperPulseStreamsConfig base = config(Map.of("paperpulse.top.n", "5"));

    PaperPulseStreamsConfig changed = base.with(Map.of("application.id", "other"));

    assertThat(changed.applicationId()).isEqualTo("other");
    assertThat(changed.topN()).isEqualTo(5);
    assertThat(base.applicationId()).isEqualTo("paperpulse");
    assertThatThrownBy(() -> base.with(Map.of("paperpulse.top.n", -1)))
        .isInstanceOf(ConfigException.class);
  }

  @Test
  void granularitiesMayBeGivenAsValuesInCode() {
    PaperPulseStreamsConfig config =
        new PaperPulseStreamsConfig(
            Map.of("paperpulse.granularities", List.of(Granularity.MONTH, Granularity.DAY)));

    assertThat(config.granularities()).containsExactly(Granularity.DAY, Granularity.MONTH);
  }

  @Test
  void theTopologyAloneNeedsNoAddressesButTheApplicationDoes() {
    PaperPulseStreamsConfig topologyOnly = new PaperPulseStreamsConfig(Map.of());

    assertThat(topologyOnly.topN()).isEqualTo(20);
    assertThatThrownBy(topologyOnly::bootstrapServers)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("bootstrap.servers");
    assertThatThrownBy(topologyOnly::schemaRegistryUrl)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url");
  }
}
