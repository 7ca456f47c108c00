package io.paperpulse.producer.generate;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@code paperpulse generate} was asked to do.
 *
 * @param topic the papers topic (with any prefix already applied)
 * @param count number of events to publish
 * @param ratePerSecond events per second; 0 publishes as fast as the cluster takes them
 * @param settings what the events look like
 * @param progressInterval how often a progress line is written
 */
public record GenerateOptions(
    String topic,
    long count,
    double ratePerSecond,
    GeneratorSettings settings,
    Duration progressInterval) {

  public static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofSeconds(5);

  public GenerateOptions {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(progressInterval, "progressInterval");
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    if (ratePerSecond < 0 || Double.isNaN(ratePerSecond) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException(
          "rate must be 0 (unlimited) or a positive number of events per second: " + ratePerSecond);
    }
  }

  /** {@code count} events with default settings for the seed, unpaced. */
  public static GenerateOptions of(String topic, long count, long seed) {
    return new GenerateOptions(
        topic, count, 0, GeneratorSettings.defaults(seed), DEFAULT_PROGRESS_INTERVAL);
  }

  public GenerateOptions withRate(double ratePerSecond) {
    return new GenerateOptions(topic, count, ratePerSecond, settings, progressInterval);
  }

  public GenerateOptions withSettings(GeneratorSettings settings) {
    return new GenerateOptions(topic, count, ratePerSecond, settings, progressInterval);
  }

  public GenerateOptions withProgressInterval(Duration interval) {
    return new GenerateOptions(topic, count, ratePerSecond, settings, interval);
  }
}
