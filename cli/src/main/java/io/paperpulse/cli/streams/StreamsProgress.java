package io.paperpulse.cli.streams;

import io.paperpulse.streams.app.PaperPulseStreamsApp;
import java.time.Duration;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One INFO line about a running streams application (state, caught up or not, records processed),
 * logged at most once per interval and only when something changed, so an idle application stays
 * quiet.
 */
final class StreamsProgress {

  private static final Logger LOG = LoggerFactory.getLogger(StreamsProgress.class);
  private static final String THREAD_METRICS = "stream-thread-metrics";
  private static final String PROCESSED = "process-total";

  private final PaperPulseStreamsApp app;
  private final Duration interval;
  private long lastCheck;
  private String lastLine = "";

  StreamsProgress(PaperPulseStreamsApp app, Duration interval) {
    this.app = app;
    this.interval = interval;
    this.lastCheck = System.nanoTime();
  }

  void logIfChanged() throws InterruptedException {
    long now = System.nanoTime();
    if (now - lastCheck < interval.toNanos()) {
      return;
    }
    lastCheck = now;
    String line = describe();
    if (!line.equals(lastLine)) {
      LOG.info(line);
      lastLine = line;
    }
  }

  String describe() throws InterruptedException {
    return "streams "
        + app.state()
        + ", "
        + catchUpState()
        + ", "
        + processedRecords()
        + " records processed";
  }

  private String catchUpState() throws InterruptedException {
    try {
      return app.isCaughtUp() ? "caught up" : "processing";
    } catch (RuntimeException e) {
      // Lag comes from admin requests; a broker hiccup must not stop the application over a log
      // line.
      LOG.debug("cannot read the consumer lag", e);
      return "lag unknown";
    }
  }

  long processedRecords() {
    double total = 0;
    for (var entry : app.streams().metrics().entrySet()) {
      MetricName name = entry.getKey();
      if (name.group().equals(THREAD_METRICS) && name.name().equals(PROCESSED)) {
        Metric metric = entry.getValue();
        if (metric.metricValue() instanceof Number value) {
          total += value.doubleValue();
        }
      }
    }
    return (long) total;
  }
}
