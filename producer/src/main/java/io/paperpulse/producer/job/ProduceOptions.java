package io.paperpulse.producer.job;

import io.paperpulse.producer.format.InputFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What {@code paperpulse produce} was asked to do.
 *
 * @param topic the papers topic (with any prefix already applied)
 * @param format input format, {@link InputFormat#AUTO} to detect per input
 * @param asOf capture date for year-less page dates; null means today (UTC)
 * @param deletes paper ids to delete (published as tombstones in their own transaction)
 * @param skipInvalid publish the valid records of inputs that also have invalid ones
 * @param inputs inputs in order, each published in its own transaction
 */
public record ProduceOptions(
    String topic,
    InputFormat format,
    LocalDate asOf,
    List<String> deletes,
    boolean skipInvalid,
    List<InputSource> inputs) {

  public static final String DEFAULT_TOPIC = "papers";

  public ProduceOptions {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(format, "format");
    deletes = List.copyOf(deletes);
    inputs = List.copyOf(inputs);
  }

  /** Auto-detected inputs to the given topic, invalid records rejected, no deletes. */
  public static ProduceOptions of(String topic, List<InputSource> inputs) {
    return new ProduceOptions(topic, InputFormat.AUTO, null, List.of(), false, inputs);
  }

  public ProduceOptions withSkipInvalid(boolean skip) {
    return new ProduceOptions(topic, format, asOf, deletes, skip, inputs);
  }

  public ProduceOptions withDeletes(List<String> ids) {
    return new ProduceOptions(topic, format, asOf, ids, skipInvalid, inputs);
  }
}
