package io.paperpulse.producer.job;

import io.paperpulse.producer.format.InputFormat;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What {@code paperpulse produce --url URL [--every 10m]} was asked to do.
 *
 * @param topic the papers topic
 * @param url a Daily Papers JSON or arXiv Atom URL
 * @param every interval between fetches
 * @param format the feed's format, {@link InputFormat#AUTO} to detect it from the content
 */
public record FollowOptions(String topic, URI url, Duration every, InputFormat format) {

  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(10);

  public FollowOptions {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(every, "every");
    Objects.requireNonNull(format, "format");
    if (every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException("--every must be positive, got " + every);
    }
  }
}
