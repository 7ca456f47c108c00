package io.paperpulse.cli.streams;

import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which configuration key each option of {@code streams} sets. The options are shortcuts: the key
 * can be set with {@code --set} or in the {@code --config} file instead.
 */
final class StreamsOptionKeys {

  /** Option name to key, in the order the configuration reference lists them. */
  static final Map<String, String> OPTIONS = options();

  private StreamsOptionKeys() {}

  private static Map<String, String> options() {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("--bootstrap-servers", PaperPulseStreamsConfig.BOOTSTRAP_SERVERS_CONFIG);
    options.put("--schema-registry", PaperPulseStreamsConfig.SCHEMA_REGISTRY_URL_CONFIG);
    options.put("--application-id", PaperPulseStreamsConfig.APPLICATION_ID_CONFIG);
    options.put("--state-dir", PaperPulseStreamsConfig.STATE_DIR_CONFIG);
    options.put("--processing-guarantee", PaperPulseStreamsConfig.PROCESSING_GUARANTEE_CONFIG);
    options.put("--num-standby-replicas", PaperPulseStreamsConfig.NUM_STANDBY_REPLICAS_CONFIG);
    options.put("--instance-id", PaperPulseStreamsConfig.GROUP_INSTANCE_ID_CONFIG);
    options.put("--topic-prefix", PaperPulseStreamsConfig.TOPIC_PREFIX_CONFIG);
    options.put("--partitions", PaperPulseStreamsConfig.TOPIC_PARTITIONS_CONFIG);
    options.put("--replication-factor", PaperPulseStreamsConfig.REPLICATION_FACTOR_CONFIG);
    options.put("--granularities", PaperPulseStreamsConfig.GRANULARITIES_CONFIG);
    options.put("--bucket-by", PaperPulseStreamsConfig.BUCKET_BY_CONFIG);
    options.put("--alert-min-score", PaperPulseStreamsConfig.ALERT_MIN_SCORE_CONFIG);
    options.put("--alert-min-papers", PaperPulseStreamsConfig.ALERT_MIN_PAPERS_CONFIG);
    options.put(
        "--max-output-record-bytes", PaperPulseStreamsConfig.MAX_OUTPUT_RECORD_BYTES_CONFIG);
    options.put("--http-port", PaperPulseStreamsConfig.HTTP_PORT_CONFIG);
    options.put("--advertised-host", PaperPulseStreamsConfig.HTTP_ADVERTISED_HOST_CONFIG);
    return Collections.unmodifiableMap(options);
  }

  /** The option that sets {@code key}, or null when none does. */
  static String optionFor(String key) {
    for (Map.Entry<String, String> entry : OPTIONS.entrySet()) {
      if (entry.getValue().equals(key)) {
        return entry.getKey();
      }
    }
    return null;
  }
}
