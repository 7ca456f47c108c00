package io.paperpulse.streams.topology.intake;

import io.paperpulse.schema.PaperEvent;
import io.paperpulse.streams.errors.DeadLetterStage;
import io.paperpulse.streams.metrics.PipelineMetrics;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * First step after the papers source: unwraps the decoded key and value and turns each record into
 * an {@link PaperIntake} so that invalid papers travel on as data to the dead-letter branch.
 * Tombstones are accepted as deletes.
 */
public final class ValidatePaperProcessor
    implements Processor<Decoded<String>, Decoded<PaperEvent>, String, PaperIntake> {

  /** Stage name recorded in the dead-letter headers. */
  public static final String STAGE = DeadLetterStage.VALIDATION.label();

  /**
   * Error class of validation failures in dead-letter headers: the rule name under a prefix, since
   * no exception is involved (built-in DLQ records carry a Java exception class instead).
   */
  public static final String ERROR_CLASS_PREFIX = "paperpulse.validation.";

  private final PaperValidator validator;
  private final PipelineMetrics metrics;
  private ProcessorContext<String, PaperIntake> context;

  public ValidatePaperProcessor(PaperValidator validator) {
    this(validator, PipelineMetrics.NONE);
  }

  public ValidatePaperProcessor(PaperValidator validator, PipelineMetrics metrics) {
    this.validator = validator;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, PaperIntake> context) {
    this.context = context;
  }

  @Override
  public void process(Record<Decoded<String>, Decoded<PaperEvent>> record) {
    Decoded<String> key = record.key();
    Decoded<PaperEvent> value = record.value();
    String id = key == null ? null : key.value();
    PaperEvent paper = value == null ? null : value.value();
    PaperIntake intake;
    if (paper == null) {
      intake =
          id == null || id.isBlank()
              ? reject(
                  key,
                  value,
                  new PaperValidator.Violation("missing-key", "tombstone without a key"))
              : new PaperIntake.Accepted(null);
    } else {
      // the record's own time, not the wall clock: replaying the same log decides the same way
      Optional<PaperValidator.Violation> violation =
          validator.check(id, paper, Instant.ofEpochMilli(record.timestamp()));
      intake =
          violation.isPresent()
              ? reject(key, value, violation.get())
              : new PaperIntake.Accepted(paper);
    }
    context.forward(record.withKey(id).withValue(intake));
  }

  private PaperIntake reject(
      Decoded<String> key, Decoded<PaperEvent> value, PaperValidator.Violation violation) {
    metrics.invalidRecord(violation.rule());
    Optional<RecordMetadata> source = context.recordMetadata();
    return new PaperIntake.Rejected(
        new DeadLetter(
            key == null ? null : key.raw(),
            value == null ? null : value.raw(),
            ERROR_CLASS_PREFIX + violation.rule(),
            violation.message(),
            STAGE,
            source.map(RecordMetadata::topic).orElse(null),
            source.map(RecordMetadata::partition).orElse(-1),
            source.map(RecordMetadata::offset).orElse(-1L)));
  }
}
