package io.paperpulse.streams.config;

import io.paperpulse.streams.alerts.AlertThreshold;
import io.paperpulse.streams.app.ProcessingGuarantee;
import io.paperpulse.streams.buckets.BucketDate;
import io.paperpulse.streams.buckets.Granularity;
import io.paperpulse.streams.topology.TopicNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Every setting of the streams application and its topology: typed, validated and documented in one
 * {@link ConfigDef}. The {@code paperpulse.*} keys are the application's own; the Kafka Streams and
 * client keys defined here are those whose default paperpulse changes or whose value it checks. Any
 * other key (security.protocol, sasl.*, max.poll.records, ...) is passed on unchanged to Kafka
 * Streams and its clients, which validate it themselves, and to the registry client.
 *
 * <p>The granularities and the bucket date are part of the application's identity: the topology
 * derives a paper's previous bucket memberships from the stored previous version, so changing them
 * on a running application id would retract memberships that were never added. Use a new
 * application id (or {@code paperpulse reset}) after changing them.
 */
public final class PaperPulseStreamsConfig extends AbstractConfig {

  private static final String PREFIX = "paperpulse.";

  // Kafka Streams' and Confluent's own keys, with paperpulse's defaults and checks.

  public static final String BOOTSTRAP_SERVERS_CONFIG = StreamsConfig.BOOTSTRAP_SERVERS_CONFIG;
  public static final String SCHEMA_REGISTRY_URL_CONFIG = "schema.registry.url";
  public static final String APPLICATION_ID_CONFIG = StreamsConfig.APPLICATION_ID_CONFIG;
  public static final String APPLICATION_ID_DEFAULT = "paperpulse";
  public static final String STATE_DIR_CONFIG = StreamsConfig.STATE_DIR_CONFIG;
  public static final String STATE_DIR_DEFAULT = "data/streams-state";
  public static final String PROCESSING_GUARANTEE_CONFIG =
      StreamsConfig.PROCESSING_GUARANTEE_CONFIG;
  public static final String PROCESSING_GUARANTEE_DEFAULT = StreamsConfig.EXACTLY_ONCE_V2;
  public static final String NUM_STANDBY_REPLICAS_CONFIG =
      StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG;
  // Kafka never places a standby on the instance running the active task, so 1 costs a lone
  // instance nothing and gives a second instance a warm copy to take over from.
  public static final String NUM_STANDBY_REPLICAS_DEFAULT = "1";
  public static final String REPLICATION_FACTOR_CONFIG = StreamsConfig.REPLICATION_FACTOR_CONFIG;
  public static final String REPLICATION_FACTOR_DEFAULT = "1";
  public static final String GROUP_INSTANCE_ID_CONFIG = "group.instance.id";
  public static final String COMMIT_INTERVAL_MS_CONFIG = StreamsConfig.COMMIT_INTERVAL_MS_CONFIG;

  /** The commit interval under exactly-once unless configured: see the definition's comment. */
  public static final long EXACTLY_ONCE_COMMIT_INTERVAL_MS = 500;

  /** The commit interval at least once unless configured: see the definition's comment. */
  public static final long AT_LEAST_ONCE_COMMIT_INTERVAL_MS = 2000;

  public static final String STATESTORE_CACHE_MAX_BYTES_CONFIG =
      StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG;

  // Kafka Streams gives these unprefixed producer keys to its producers only; a user's
  // producer.compression.type or producer.batch.size still wins, as Kafka's prefixes do
  public static final String COMPRESSION_TYPE_CONFIG = ProducerConfig.COMPRESSION_TYPE_CONFIG;
  public static final String COMPRESSION_TYPE_DEFAULT = "lz4";
  public static final String BATCH_SIZE_CONFIG = ProducerConfig.BATCH_SIZE_CONFIG;
  public static final int BATCH_SIZE_DEFAULT = 256 * 1024;

  /** What the application's producers write with unless configured otherwise. */
  public static final Map<String, Object> PRODUCER_DEFAULTS =
      Map.of(
          COMPRESSION_TYPE_CONFIG, COMPRESSION_TYPE_DEFAULT, BATCH_SIZE_CONFIG, BATCH_SIZE_DEFAULT);

  /**
   * Records a restoring store takes per poll of the restore consumer (Kafka Streams' consumers
   * default to 1,000); see the definition's comment.
   */
  public static final String RESTORE_MAX_POLL_RECORDS_CONFIG =
      StreamsConfig.restoreConsumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG);

  public static final int RESTORE_MAX_POLL_RECORDS_DEFAULT = 10_000;

  /** Kafka Streams' own default: the counts do not go through the record cache. */
  public static final long STATESTORE_CACHE_MAX_BYTES_DEFAULT = 10L * 1024 * 1024;

  // paperpulse's own keys.

  public static final String TOPIC_PREFIX_CONFIG = PREFIX + "topic.prefix";
  public static final String TOPIC_PARTITIONS_CONFIG = PREFIX + "topic.partitions";
  public static final String TOPIC_PARTITIONS_DEFAULT = "3";
  public static final String GRANULARITIES_CONFIG = PREFIX + "granularities";
  public static final String GRANULARITIES_DEFAULT = "day,week,month,year";
  public static final String BUCKET_BY_CONFIG = PREFIX + "bucket.by";
  public static final String BUCKET_BY_DEFAULT = "published";
  public static final String TOP_N_CONFIG = PREFIX + "top.n";
  public static final int TOP_N_DEFAULT = 20;
  public static final String TRENDING_LOOKBACK_CONFIG = PREFIX + "trending.lookback";
  public static final int TRENDING_LOOKBACK_DEFAULT = 4;
  public static final String EMIT_INTERVAL_MS_CONFIG = PREFIX + "emit.interval.ms";
  public static final String ALERT_MIN_SCORE_CONFIG = PREFIX + "alert.min.score";
  public static final String ALERT_MIN_SCORE_DEFAULT = "3";
  public static final String ALERT_MIN_PAPERS_CONFIG = PREFIX + "alert.min.papers";
  public static final String ALERT_MIN_PAPERS_DEFAULT = "3";
  public static final String MAX_OUTPUT_RECORD_BYTES_CONFIG = PREFIX + "max.output.record.bytes";
  public static final String MAX_OUTPUT_RECORD_BYTES_DEFAULT = "1000000";
  public static final String MAX_ABSTRACT_CHARS_CONFIG = PREFIX + "max.abstract.chars";
  public static final String MAX_FUTURE_SKEW_MS_CONFIG = PREFIX + "max.future.skew.ms";
  public static final String ROCKSDB_MEMORY_BYTES_CONFIG = PREFIX + "rocksdb.memory.bytes";
  public static final long ROCKSDB_MEMORY_BYTES_DEFAULT = 64L * 1024 * 1024;
  public static final String HTTP_PORT_CONFIG = PREFIX + "http.port";
  public static final String HTTP_PORT_DEFAULT = "8080";
  public static final String HTTP_ADVERTISED_HOST_CONFIG = PREFIX + "http.advertised.host";
  public static final String HTTP_ADVERTISED_HOST_DEFAULT = "localhost";

  private static final ConfigDef CONFIG = configDef();

  /**
   * Kafka Streams and client keys that this definition owns: Kafka Streams gets their validated
   * values rather than what was written.
   */
  private static final Set<String> KAFKA_KEYS =
      Set.of(
          BOOTSTRAP_SERVERS_CONFIG,
          APPLICATION_ID_CONFIG,
          STATE_DIR_CONFIG,
          PROCESSING_GUARANTEE_CONFIG,
          NUM_STANDBY_REPLICAS_CONFIG,
          REPLICATION_FACTOR_CONFIG,
          GROUP_INSTANCE_ID_CONFIG,
          COMMIT_INTERVAL_MS_CONFIG,
          STATESTORE_CACHE_MAX_BYTES_CONFIG,
          COMPRESSION_TYPE_CONFIG,
          BATCH_SIZE_CONFIG,
          RESTORE_MAX_POLL_RECORDS_CONFIG);

  public PaperPulseStreamsConfig(Map<?, ?> settings) {
    super(CONFIG, settings, false);
    // Kafka takes keys it does not know and at most logs them as unused; in paperpulse's own
    // namespace such a key can only be a misspelling that would leave a setting at its default.
    for (Object key : settings.keySet()) {
      if (key.toString().startsWith(PREFIX) && !CONFIG.names().contains(key.toString())) {
        throw new ConfigException("Unknown configuration \"" + key + "\"");
      }
    }
  }

  /**
   * The settings of an application on the given cluster and registry, with its state in {@code
   * stateDir}; {@code settings} may set any other key.
   */
  public static PaperPulseStreamsConfig of(
      String bootstrapServers, String schemaRegistryUrl, Path stateDir, Map<String, ?> settings) {
    Map<String, Object> all = new HashMap<>(settings);
    all.put(BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    all.put(SCHEMA_REGISTRY_URL_CONFIG, schemaRegistryUrl);
    all.put(STATE_DIR_CONFIG, stateDir.toString());
    return new PaperPulseStreamsConfig(all);
  }

  /** The same settings with {@code overrides} on top, checked again. */
  public PaperPulseStreamsConfig with(Map<String, ?> overrides) {
    Map<String, Object> all = new HashMap<>(originals());
    all.putAll(overrides);
    return new PaperPulseStreamsConfig(all);
  }

  /** The definition of every key: types, defaults, checks and documentation. */
  public static ConfigDef definition() {
    return new ConfigDef(CONFIG);
  }

  private static ConfigDef configDef() {
    String cluster = "Cluster";
    String topics = "Topics";
    String results = "Results";
    String limits = "Limits";
    String runtime = "Runtime";
    String http = "HTTP";
    ConfigDef def = new ConfigDef();
    int order = 0;
    def.define(
        BOOTSTRAP_SERVERS_CONFIG,
        Type.STRING,
        null,
        new NullOrNonBlank(),
        Importance.HIGH,
        "Kafka bootstrap servers, host:port[,host:port...]. Required to run the application;"
            + " building the topology alone needs none.",
        cluster,
        ++order,
        ConfigDef.Width.LONG,
        "bootstrap servers");
    def.define(
        SCHEMA_REGISTRY_URL_CONFIG,
        Type.STRING,
        null,
        new NullOrNonBlank(),
        Importance.HIGH,
        "URL of the Confluent-compatible schema registry, required to run the application. Other"
            + " schema.registry.* and basic.auth.* keys configure its client (TLS, credentials).",
        cluster,
        ++order,
        ConfigDef.Width.LONG,
        "schema registry");
    def.define(
        APPLICATION_ID_CONFIG,
        Type.STRING,
        APPLICATION_ID_DEFAULT,
        new ConfigDef.NonEmptyString(),
        Importance.HIGH,
        "Kafka Streams application id: consumer group and prefix of the internal topics;"
            + " instances with the same id share the work.",
        cluster,
        ++order,
        ConfigDef.Width.MEDIUM,
        "application id");
    def.define(
        STATE_DIR_CONFIG,
        Type.STRING,
        STATE_DIR_DEFAULT,
        new ConfigDef.NonEmptyString(),
        Importance.HIGH,
        "Directory of the local state stores, kept across restarts; each instance on one machine"
            + " needs its own.",
        runtime,
        ++order,
        ConfigDef.Width.LONG,
        "state directory");
    def.define(
        PROCESSING_GUARANTEE_CONFIG,
        Type.STRING,
        PROCESSING_GUARANTEE_DEFAULT,
        new GuaranteeValidator(),
        Importance.HIGH,
        "exactly_once_v2: state, offsets and outputs commit atomically, so counts stay exact"
            + " across crashes. at_least_once: cheaper, but a crash may count a paper twice until"
            + " it is published again.",
        runtime,
        ++order,
        ConfigDef.Width.MEDIUM,
        "processing guarantee");
    def.define(
        NUM_STANDBY_REPLICAS_CONFIG,
        Type.INT,
        NUM_STANDBY_REPLICAS_DEFAULT,
        Range.atLeast(0),
        Importance.MEDIUM,
        "Warm standby copies of each state store on other instances; a lone instance keeps none.",
        runtime,
        ++order,
        ConfigDef.Width.SHORT,
        "standby replicas");
    def.define(
        GROUP_INSTANCE_ID_CONFIG,
        Type.STRING,
        null,
        new NullOrNonBlank(),
        Importance.MEDIUM,
        "Makes this instance a static member of the group: restarted with the same id, it gets"
            + " its tasks back at once instead of after the group has waited out the old member's"
            + " session (45 s). Give each instance its own stable id, e.g. its host name; a stopped"
            + " static member keeps its tasks until its session times out.",
        runtime,
        ++order,
        ConfigDef.Width.MEDIUM,
        "instance id");
    def.define(
        COMMIT_INTERVAL_MS_CONFIG,
        Type.LONG,
        null,
        ConfigDef.LambdaValidator.with(
            (name, value) -> {
              if (value != null) {
                Range.atLeast(0).ensureValid(name, value);
              }
            },
            () -> "[0,...], or unset for the guarantee's default"),
        Importance.MEDIUM,
        // Kafka's defaults (100 ms under exactly-once, 30 s at least once) are either many small
        // transactions or half a minute behind. Under exactly-once a paper's counts pass two
        // commits (tagging, then counting: the counting task reads committed changes only), so
        // 500 ms keeps them within 2 s of the paper. At least once they pass one, and the mode is
        // the cheaper one: 2 s writes a fifth fewer records than 1 s, for about a second more
        // latency (Kafka's own default is 30 s). See docs/benchmarks.md.
        "Kafka Streams' commit interval; unset: "
            + EXACTLY_ONCE_COMMIT_INTERVAL_MS
            + " ms under exactly_once_v2, "
            + AT_LEAST_ONCE_COMMIT_INTERVAL_MS
            + " ms at_least_once. Counts and rankings are written right before each commit: the"
            + " interval bounds the output's latency and is the window in which repeated changes"
            + " of a key become one record.",
        runtime,
        ++order,
        ConfigDef.Width.SHORT,
        "commit interval");
    def.define(
        STATESTORE_CACHE_MAX_BYTES_CONFIG,
        Type.LONG,
        STATESTORE_CACHE_MAX_BYTES_DEFAULT,
        Range.atLeast(0),
        Importance.MEDIUM,
        // The counts store collapses its own writes (CountStore); the cache serves the ranking and
        // top-papers stores, which change less than once per paper.
        "Record cache of all stores of one instance (heap); it collapses repeated writes of a"
            + " ranking or top-papers key between commits. Counts do not use it.",
        runtime,
        ++order,
        ConfigDef.Width.SHORT,
        "record cache");
    def.define(
        COMPRESSION_TYPE_CONFIG,
        Type.STRING,
        COMPRESSION_TYPE_DEFAULT,
        ProducerConfig.configDef().configKeys().get(COMPRESSION_TYPE_CONFIG).validator,
        Importance.MEDIUM,
        // the paper store's changelog carries whole papers; compressed it is half the bytes, which
        // a restore after a crash reads back (docs/benchmarks.md)
        "Compression of everything the application writes: outputs, changelogs and"
            + " repartitions. lz4 halves the paper store's changelog, and so what a restarted"
            + " instance reads back, for little CPU. producer.compression.type, if given, wins.",
        runtime,
        ++order,
        ConfigDef.Width.SHORT,
        "compression");
    def.define(
        BATCH_SIZE_CONFIG,
        Type.INT,
        BATCH_SIZE_DEFAULT,
        ProducerConfig.configDef().configKeys().get(BATCH_SIZE_CONFIG).validator,
        Importance.MEDIUM,
        // each commit writes thousands of small count records; in 16 KiB batches (Kafka's default)
        // the broker spends twice the CPU on them (docs/benchmarks.md)
        "Bytes a producer batch of one partition may reach before it is sent. Larger batches mean"
            + " fewer produce requests for the broker to handle. A batch that does not fill still"
            + " goes out after linger.ms (100 ms in Kafka Streams) or at the next commit, and"
            + " under exactly-once output is readable only after that commit anyway."
            + " producer.batch.size, if given, wins.",
        runtime,
        ++order,
        ConfigDef.Width.SHORT,
        "batch size");
    def.define(
        RESTORE_MAX_POLL_RECORDS_CONFIG,
        Type.INT,
        RESTORE_MAX_POLL_RECORDS_DEFAULT,
        Range.atLeast(1),
        Importance.LOW,
        // after a crash under exactly-once every store is restored from its changelog in full;
        // with batches of 10,000 a restarted instance was processing again 0.5 to 1.7 s sooner
        // at 100,000 papers (docs/benchmarks.md)
        "Records the restore consumer returns per poll, which a store restoring from its"
            + " changelog writes as one batch. The main consumer keeps Kafka Streams' 1000;"
            + " a plain max.poll.records applies to it, not to the restore.",
        runtime,
        ++order,
        ConfigDef.Width.SHORT,
        "restore batch");
    def.define(
        ROCKSDB_MEMORY_BYTES_CONFIG,
        Type.LONG,
        ROCKSDB_MEMORY_BYTES_DEFAULT,
        Range.atLeast(1),
        Importance.MEDIUM,
        "Native memory (block cache and memtables) shared by all RocksDB stores of the process.",
        runtime,
        ++order,
        ConfigDef.Width.SHORT,
        "RocksDB memory");
    def.define(
        TOPIC_PREFIX_CONFIG,
        Type.STRING,
        "",
        Importance.HIGH,
        "Prepended to every topic name (papers, papers-tagged, tag-counts, trending-tags,"
            + " top-papers, trend-alerts, papers-dlq).",
        topics,
        ++order,
        ConfigDef.Width.MEDIUM,
        "topic prefix");
    def.define(
        TOPIC_PARTITIONS_CONFIG,
        Type.INT,
        TOPIC_PARTITIONS_DEFAULT,
        Range.atLeast(1),
        Importance.MEDIUM,
        "Partitions of the topics created when missing. The counting stage takes the partition"
            + " count of the papers topic.",
        topics,
        ++order,
        ConfigDef.Width.SHORT,
        "partitions");
    def.define(
        REPLICATION_FACTOR_CONFIG,
        Type.INT,
        REPLICATION_FACTOR_DEFAULT,
        Range.between(1, (int) Short.MAX_VALUE),
        Importance.MEDIUM,
        "Replication of the topics created when missing and of Kafka Streams' internal topics.",
        topics,
        ++order,
        ConfigDef.Width.SHORT,
        "replication factor");
    def.define(
        GRANULARITIES_CONFIG,
        Type.LIST,
        GRANULARITIES_DEFAULT,
        new GranularitiesValidator(),
        Importance.HIGH,
        "Bucket sizes to count in, comma-separated: day, week (ISO, Monday start), month, year."
            + " Part of the application's identity: changing them needs a new application id or"
            + " a reset.",
        results,
        ++order,
        ConfigDef.Width.MEDIUM,
        "granularities");
    def.define(
        BUCKET_BY_CONFIG,
        Type.STRING,
        BUCKET_BY_DEFAULT,
        ConfigDef.ValidString.in(
            Stream.of(BucketDate.values()).map(BucketDate::label).toArray(String[]::new)),
        Importance.HIGH,
        "Date that places a paper in its buckets: published (publishedAt) or featured (the day"
            + " Daily Papers featured it, featuredAt; papers without one use publishedAt). Like the"
            + " granularities, changing it needs a new application id or a reset.",
        results,
        ++order,
        ConfigDef.Width.SHORT,
        "bucket by");
    def.define(
        TOP_N_CONFIG,
        Type.INT,
        TOP_N_DEFAULT,
        Range.atLeast(1),
        Importance.MEDIUM,
        "Tags in a trending-tags record and papers in a top-papers record, per bucket.",
        results,
        ++order,
        ConfigDef.Width.SHORT,
        "top N");
    def.define(
        TRENDING_LOOKBACK_CONFIG,
        Type.INT,
        TRENDING_LOOKBACK_DEFAULT,
        Range.atLeast(1),
        Importance.LOW,
        "Previous buckets whose mean paper count is a tag's baseline in the trend score"
            + " (docs/trending.md).",
        results,
        ++order,
        ConfigDef.Width.SHORT,
        "trending lookback");
    def.define(
        EMIT_INTERVAL_MS_CONFIG,
        Type.LONG,
        Duration.ofSeconds(1).toMillis(),
        Range.atLeast(1),
        Importance.LOW,
        // Each ranking is a whole top N, and people watching it need no more than one a second.
        "How often the counts changed since the last time are re-scored and the trending-tags and"
            + " top-papers records they moved are written. Counts themselves are written once per"
            + " key per commit.",
        results,
        ++order,
        ConfigDef.Width.SHORT,
        "emit interval");
    def.define(
        ALERT_MIN_SCORE_CONFIG,
        Type.DOUBLE,
        ALERT_MIN_SCORE_DEFAULT,
        new NotNaN(),
        Importance.MEDIUM,
        "Trend score at which a tag in a bucket is announced on trend-alerts.",
        results,
        ++order,
        ConfigDef.Width.SHORT,
        "alert score");
    def.define(
        ALERT_MIN_PAPERS_CONFIG,
        Type.LONG,
        ALERT_MIN_PAPERS_DEFAULT,
        Range.atLeast(1),
        Importance.MEDIUM,
        "Papers a tag needs in the bucket before it can be announced on trend-alerts.",
        results,
        ++order,
        ConfigDef.Width.SHORT,
        "alert papers");
    def.define(
        MAX_OUTPUT_RECORD_BYTES_CONFIG,
        Type.INT,
        MAX_OUTPUT_RECORD_BYTES_DEFAULT,
        Range.atLeast(1),
        Importance.MEDIUM,
        // Under exactly-once the broker's rejection of one record would abort the whole
        // transaction with it.
        "Largest output record written (key, value, headers and batch overhead); a bigger one"
            + " goes to papers-dlq (stage production). Keep it at or below the output topics'"
            + " max.message.bytes and the producer's max.request.size.",
        limits,
        ++order,
        ConfigDef.Width.SHORT,
        "max output record");
    def.define(
        MAX_ABSTRACT_CHARS_CONFIG,
        Type.INT,
        20_000,
        Range.atLeast(1),
        Importance.LOW,
        "Papers with a longer abstract go to papers-dlq.",
        limits,
        ++order,
        ConfigDef.Width.SHORT,
        "max abstract");
    def.define(
        MAX_FUTURE_SKEW_MS_CONFIG,
        Type.LONG,
        Duration.ofDays(1).toMillis(),
        Range.atLeast(0),
        Importance.LOW,
        "Papers dated further than this after the time their record was written go to"
            + " papers-dlq.",
        limits,
        ++order,
        ConfigDef.Width.SHORT,
        "max future skew");
    def.define(
        HTTP_PORT_CONFIG,
        Type.INT,
        HTTP_PORT_DEFAULT,
        Range.between(0, 65_535),
        Importance.HIGH,
        "Port of the HTTP API, dashboard and /metrics; 0 picks a free port.",
        http,
        ++order,
        ConfigDef.Width.SHORT,
        "HTTP port");
    def.define(
        HTTP_ADVERTISED_HOST_CONFIG,
        Type.STRING,
        HTTP_ADVERTISED_HOST_DEFAULT,
        new ConfigDef.NonEmptyString(),
        Importance.MEDIUM,
        "Host name other instances use to reach this one's HTTP API; with the port it is Kafka"
            + " Streams' application.server, through which queries for keys held elsewhere are"
            + " forwarded.",
        http,
        ++order,
        ConfigDef.Width.MEDIUM,
        "advertised host");
    return def;
  }

  public String bootstrapServers() {
    return required(BOOTSTRAP_SERVERS_CONFIG);
  }

  public String schemaRegistryUrl() {
    return required(SCHEMA_REGISTRY_URL_CONFIG);
  }

  // Not NO_DEFAULT_VALUE in the definition: the topology alone (test driver, the reset tool's
  // topic list) is built from settings without addresses.
  private String required(String key) {
    String value = getString(key);
    if (value == null) {
      throw new ConfigException("Missing required configuration \"" + key + "\"");
    }
    return value.strip();
  }

  public String applicationId() {
    return getString(APPLICATION_ID_CONFIG);
  }

  public Path stateDir() {
    return Path.of(getString(STATE_DIR_CONFIG));
  }

  public ProcessingGuarantee guarantee() {
    return ProcessingGuarantee.parse(getString(PROCESSING_GUARANTEE_CONFIG));
  }

  public String topicPrefix() {
    return getString(TOPIC_PREFIX_CONFIG);
  }

  public TopicNames topics() {
    return new TopicNames(topicPrefix());
  }

  public int partitions() {
    return getInt(TOPIC_PARTITIONS_CONFIG);
  }

  public short replicationFactor() {
    return getInt(REPLICATION_FACTOR_CONFIG).shortValue();
  }

  /** In their natural order, each once, whatever order and repetitions were written. */
  public List<Granularity> granularities() {
    return Granularity.parseList(labels(get(GRANULARITIES_CONFIG)));
  }

  /**
   * The granularities as one comma-separated text. A list given in code may hold {@link
   * Granularity} values themselves rather than their labels.
   */
  private static String labels(Object list) {
    return ((List<?>) list)
        .stream()
            .map(g -> g instanceof Granularity granularity ? granularity.label() : g.toString())
            .collect(Collectors.joining(","));
  }

  public BucketDate bucketBy() {
    return BucketDate.valueOf(getString(BUCKET_BY_CONFIG).toUpperCase(Locale.ROOT));
  }

  public int topN() {
    return getInt(TOP_N_CONFIG);
  }

  public int trendingLookback() {
    return getInt(TRENDING_LOOKBACK_CONFIG);
  }

  public Duration emitInterval() {
    return Duration.ofMillis(getLong(EMIT_INTERVAL_MS_CONFIG));
  }

  public AlertThreshold alertThreshold() {
    return new AlertThreshold(getDouble(ALERT_MIN_SCORE_CONFIG), getLong(ALERT_MIN_PAPERS_CONFIG));
  }

  public int maxOutputRecordBytes() {
    return getInt(MAX_OUTPUT_RECORD_BYTES_CONFIG);
  }

  public int maxAbstractChars() {
    return getInt(MAX_ABSTRACT_CHARS_CONFIG);
  }

  public Duration maxFutureSkew() {
    return Duration.ofMillis(getLong(MAX_FUTURE_SKEW_MS_CONFIG));
  }

  /** The commit interval configured, or the guarantee's default. */
  public long commitIntervalMs() {
    Long configured = getLong(COMMIT_INTERVAL_MS_CONFIG);
    return configured != null ? configured : defaultCommitIntervalMs(guarantee());
  }

  /** The commit interval under {@code guarantee} unless configured. */
  public static long defaultCommitIntervalMs(ProcessingGuarantee guarantee) {
    return guarantee == ProcessingGuarantee.EXACTLY_ONCE_V2
        ? EXACTLY_ONCE_COMMIT_INTERVAL_MS
        : AT_LEAST_ONCE_COMMIT_INTERVAL_MS;
  }

  /**
   * Where this instance answers interactive queries, {@code host:port} (Kafka Streams' {@code
   * application.server}, which the HTTP server sets to its own address), or null when it serves
   * none.
   */
  public String applicationServer() {
    Object value = originals().get(StreamsConfig.APPLICATION_SERVER_CONFIG);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }

  public int httpPort() {
    return getInt(HTTP_PORT_CONFIG);
  }

  public String httpAdvertisedHost() {
    return getString(HTTP_ADVERTISED_HOST_CONFIG);
  }

  /**
   * Settings for every Kafka client and the registry client: what was given beyond this
   * definition's keys (security.protocol, sasl.*, ssl.*, schema.registry.ssl.*, ...).
   */
  public Map<String, Object> clientSettings() {
    Map<String, Object> settings = new LinkedHashMap<>(originals());
    settings.keySet().removeAll(CONFIG.names());
    return settings;
  }

  /**
   * Kafka Streams' own keys of this definition, with their checked values, plus the RocksDB budget
   * that the config setter reads from the Streams settings.
   */
  public Map<String, Object> kafkaStreamsSettings() {
    Map<String, Object> settings = new LinkedHashMap<>();
    for (String key : KAFKA_KEYS) {
      Object value = get(key);
      if (value != null) {
        settings.put(key, value);
      }
    }
    settings.put(PROCESSING_GUARANTEE_CONFIG, guarantee().configValue());
    settings.put(COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs());
    settings.put(ROCKSDB_MEMORY_BYTES_CONFIG, getLong(ROCKSDB_MEMORY_BYTES_CONFIG));
    return settings;
  }

  /** Accepts what {@link ProcessingGuarantee#parse} accepts and names both values otherwise. */
  private static final class GuaranteeValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      try {
        ProcessingGuarantee.parse(String.valueOf(value));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(name, value, e.getMessage());
      }
    }

    @Override
    public String toString() {
      return "[" + StreamsConfig.EXACTLY_ONCE_V2 + ", " + StreamsConfig.AT_LEAST_ONCE + "]";
    }
  }

  private static final class GranularitiesValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      String labels = labels(value);
      try {
        Granularity.parseList(labels);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(name, labels, e.getMessage());
      }
    }

    @Override
    public String toString() {
      return "non-empty list of "
          + List.of(Granularity.values()).stream()
              .map(Granularity::label)
              .collect(Collectors.joining(", "));
    }
  }

  /** Infinity is a threshold too: a score never (or always) reached. */
  private static final class NotNaN implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      if (Double.isNaN((Double) value)) {
        throw new ConfigException(name, value, "must be a number");
      }
    }

    @Override
    public String toString() {
      return "a number, Infinity included";
    }
  }

  private static final class NullOrNonBlank implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      if (value != null && value.toString().isBlank()) {
        throw new ConfigException(name, value, "must not be blank");
      }
    }

    @Override
    public String toString() {
      return "unset or non-blank";
    }
  }
}
