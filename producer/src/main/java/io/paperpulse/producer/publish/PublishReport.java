package io.paperpulse.producer.publish;

import io.paperpulse.producer.format.ParseError;
import io.paperpulse.producer.format.ParseResult;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What happened to one input.
 *
 * @param input input name
 * @param outcome whether its transaction committed
 * @param published papers written (after de-duplication)
 * @param tombstones deletes written
 * @param duplicates records dropped because a later record of the same input had the same id
 * @param invalid records that could not be read: skipped when the outcome is COMMITTED, the reason
 *     for rejection when it is REJECTED
 * @param skippedBlocks blocks of the input that are not records of its format; never published,
 *     never a reason to reject, listed so that nothing disappears silently
 * @param failure the Kafka error when the outcome is FAILED, otherwise null
 */
public record PublishReport(
    String input,
    Outcome outcome,
    int published,
    int tombstones,
    int duplicates,
    List<ParseError> invalid,
    List<ParseResult.Skipped> skippedBlocks,
    String failure) {

  public enum Outcome {
    /** Everything valid is in the topic (an input with nothing to send also ends here). */
    COMMITTED,
    /** The input has invalid records and skipping was not allowed: nothing was written. */
    REJECTED,
    /** Kafka refused or failed: the transaction was aborted, nothing was written. */
    FAILED
  }

  public PublishReport {
    invalid = List.copyOf(invalid);
    skippedBlocks = List.copyOf(skippedBlocks);
  }

  static PublishReport rejected(
      String input, List<ParseError> invalid, List<ParseResult.Skipped> skippedBlocks) {
    return new PublishReport(input, Outcome.REJECTED, 0, 0, 0, invalid, skippedBlocks, null);
  }

  static PublishReport failed(
      String input,
      List<ParseError> invalid,
      List<ParseResult.Skipped> skippedBlocks,
      String failure) {
    return new PublishReport(input, Outcome.FAILED, 0, 0, 0, invalid, skippedBlocks, failure);
  }

  /** Records skipped as invalid but not preventing the commit. */
  public int skipped() {
    return outcome == Outcome.COMMITTED ? invalid.size() : 0;
  }

  /**
   * One line for logs and the command line, ending with the blocks that were not records, if any.
   */
  public String summary() {
    String counts =
        switch (outcome) {
          case COMMITTED ->
              String.format(
                  "%s: published %d, tombstones %d, skipped %d, duplicates %d",
                  input, published, tombstones, invalid.size(), duplicates);
          case REJECTED ->
              String.format("%s: nothing published, %d invalid record(s)", input, invalid.size());
          case FAILED -> String.format("%s: nothing published, Kafka failure: %s", input, failure);
        };
    return skippedBlocks.isEmpty() ? counts : counts + "; " + skippedBlocksNotice();
  }

  private String skippedBlocksNotice() {
    String blocks = skippedBlocks.size() == 1 ? "1 block" : skippedBlocks.size() + " blocks";
    return blocks
        + " not in record form skipped: "
        + skippedBlocks.stream()
            .map(s -> "line " + s.line() + " (" + s.reason() + ")")
            .collect(Collectors.joining(", "));
  }
}
