package io.paperpulse.streams.app;

import java.util.Locale;
import org.apache.kafka.streams.StreamsConfig;

/** Delivery guarantee of the streams application. */
public enum ProcessingGuarantee {
  /** Counts stay exact across crashes: state, offsets and outputs commit atomically. */
  EXACTLY_ONCE_V2(StreamsConfig.EXACTLY_ONCE_V2),
  /** Cheaper, but a crash may replay input and count it twice until the papers are re-sent. */
  AT_LEAST_ONCE(StreamsConfig.AT_LEAST_ONCE);

  private final String configValue;

  ProcessingGuarantee(String configValue) {
    this.configValue = configValue;
  }

  public String configValue() {
    return configValue;
  }

  /** Accepts the Kafka config values ("exactly_once_v2", "at_least_once"), case-insensitive. */
  public static ProcessingGuarantee parse(String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    for (ProcessingGuarantee guarantee : values()) {
      if (guarantee.configValue.equals(wanted)) {
        return guarantee;
      }
    }
    throw new IllegalArgumentException(
        "unknown processing guarantee '" + text + "' (expected exactly_once_v2 or at_least_once)");
  }
}
