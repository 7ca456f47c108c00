package io.paperpulse.cli.produce;

import io.paperpulse.producer.format.InputFormat;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** How the commands that read paper files parse them: {@code --format} and {@code --as-of}. */
public final class InputParsingOptions {

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "auto",
      converter = InputFormatConverter.class,
      completionCandidates = InputFormatConverter.Names.class,
      description =
          "Input format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: detected per input).")
  private InputFormat format;

  @Option(
      names = "--as-of",
      paramLabel = "YYYY-MM-DD",
      description = "Capture date of page dumps, for dates without a year (default: today, UTC).")
  private LocalDate asOf;

  public InputFormat format() {
    return format;
  }

  /** Null when not given: the parsers then take today's date. */
  public LocalDate asOf() {
    return asOf;
  }
}
