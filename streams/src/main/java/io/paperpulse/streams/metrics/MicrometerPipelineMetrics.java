package io.paperpulse.streams.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.paperpulse.streams.errors.DeadLetterStage;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The pipeline's own meters in a Micrometer registry. Meter names are listed in docs/api.md. */
public final class MicrometerPipelineMetrics implements PipelineMetrics {

  public static final String PAPERS_PROCESSED = "paperpulse.papers.processed";
  public static final String TAGS_PER_PAPER = "paperpulse.paper.tags";
  public static final String INVALID_RECORDS = "paperpulse.records.invalid";
  public static final String DLQ_RECORDS = "paperpulse.dlq.records";
  public static final String END_TO_END_LATENCY = "paperpulse.count.update.latency";

  private static final String DLQ_DESCRIPTION =
      "Records written to the dead-letter topic, by failing stage";

  private final MeterRegistry registry;
  private final Map<PaperOutcome, Counter> processed = new EnumMap<>(PaperOutcome.class);
  private final DistributionSummary tagsPerPaper;
  private final Timer latency;

  public MicrometerPipelineMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (PaperOutcome outcome : PaperOutcome.values()) {
      processed.put(
          outcome,
          Counter.builder(PAPERS_PROCESSED)
              .description("Accepted paper records applied, by what they changed")
              .tag("outcome", outcome.label())
              .register(registry));
    }
    tagsPerPaper =
        DistributionSummary.builder(TAGS_PER_PAPER)
            .description("Tags assigned to each new or changed paper version")
            .serviceLevelObjectives(1, 3, 5, 10, 20, 40)
            .register(registry);
    latency =
        Timer.builder(END_TO_END_LATENCY)
            .description("Time from a paper record's timestamp to the tag-count update it caused")
            .serviceLevelObjectives(
                Duration.ofMillis(100),
                Duration.ofMillis(250),
                Duration.ofMillis(500),
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                Duration.ofSeconds(30))
            .register(registry);
    // Registered up front so dashboards show a zero rather than nothing before the first failure.
    for (DeadLetterStage stage : DeadLetterStage.values()) {
      Counter.builder(DLQ_RECORDS)
          .description(DLQ_DESCRIPTION)
          .tag("stage", stage.label())
          .register(registry);
    }
  }

  @Override
  public void paperProcessed(PaperOutcome outcome) {
    processed.get(outcome).increment();
  }

  @Override
  public void paperTagged(int tagCount) {
    tagsPerPaper.record(tagCount);
  }

  @Override
  public void invalidRecord(String reason) {
    Counter.builder(INVALID_RECORDS)
        .description("Records rejected from the papers topic, by reason")
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  @Override
  public void deadLettered(String stage) {
    Counter.builder(DLQ_RECORDS)
        .description(DLQ_DESCRIPTION)
        .tag("stage", stage)
        .register(registry)
        .increment();
  }

  @Override
  public void countUpdated(long latencyMillis) {
    // Clock skew between producer and this host can make it negative; that is not a latency.
    latency.record(Math.max(0, latencyMillis), TimeUnit.MILLISECONDS);
  }
}
