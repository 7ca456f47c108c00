package io.paperpulse.producer.job;

import io.paperpulse.producer.format.ParseError;
import io.paperpulse.producer.publish.PublishReport;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of a produce run: one report per input, in input order, and one for the {@code
 * --delete} ids when there are any.
 */
public record ProduceResult(List<PublishReport> reports) {

  /** Process exit status: 0 success, 1 Kafka/runtime failure, 2 bad input. */
  public static final int OK = 0;

  public static final int RUNTIME_FAILURE = 1;
  public static final int BAD_INPUT = 2;

  public ProduceResult {
    reports = List.copyOf(reports);
  }

  public int exitCode() {
    if (reports.stream().anyMatch(r -> r.outcome() == PublishReport.Outcome.FAILED)) {
      return RUNTIME_FAILURE;
    }
    if (reports.stream().anyMatch(r -> r.outcome() == PublishReport.Outcome.REJECTED)) {
      return BAD_INPUT;
    }
    return OK;
  }

  public int published() {
    return reports.stream().mapToInt(PublishReport::published).sum();
  }

  public int tombstones() {
    return reports.stream().mapToInt(PublishReport::tombstones).sum();
  }

  public int skipped() {
    return reports.stream().mapToInt(PublishReport::skipped).sum();
  }

  public int duplicates() {
    return reports.stream().mapToInt(PublishReport::duplicates).sum();
  }

  /** Blocks of the inputs that were not records of their format (never published, not failures). */
  public int skippedBlocks() {
    return reports.stream().mapToInt(r -> r.skippedBlocks().size()).sum();
  }

  /** Every invalid record, skipped or rejected, in input order. */
  public List<ParseError> invalidRecords() {
    return reports.stream().flatMap(r -> r.invalid().stream()).toList();
  }

  /**
   * Human-readable lines: each invalid record, one line per input (naming the blocks that were not
   * records), then the totals.
   */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    for (PublishReport r : reports) {
      String verb = r.outcome() == PublishReport.Outcome.COMMITTED ? "skipped: " : "invalid: ";
      r.invalid().forEach(e -> lines.add(verb + e.describe()));
    }
    reports.forEach(r -> lines.add(r.summary()));
    String total =
        String.format(
            "total: published %d, tombstones %d, skipped %d, duplicates %d",
            published(), tombstones(), skipped(), duplicates());
    lines.add(
        skippedBlocks() == 0 ? total : total + ", blocks not in record form " + skippedBlocks());
    return lines;
  }
}
