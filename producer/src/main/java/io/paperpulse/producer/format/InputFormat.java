package io.paperpulse.producer.format;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/** The input formats the producer reads, by their command-line names. */
public enum InputFormat {
  AUTO("auto", null),
  HF_PAGE("hf-page", HfPageParser::new),
  HF_JSON("hf-json", HfJsonParser::new),
  ARXIV_ATOM("arxiv-atom", ArxivAtomParser::new),
  JSONL("jsonl", JsonLinesParser::new);

  private final String cliName;
  private final Supplier<PaperParser> parserFactory;

  InputFormat(String cliName, Supplier<PaperParser> parserFactory) {
    this.cliName = cliName;
    this.parserFactory = parserFactory;
  }

  /** The name used on the command line and in {@code PaperEvent.source}. */
  public String cliName() {
    return cliName;
  }

  /**
   * A parser for this format; {@link #AUTO} has none, resolve it with {@link FormatDetector} first.
   */
  public PaperParser newParser() {
    if (parserFactory == null) {
      throw new IllegalStateException("'auto' is not a concrete format; detect the format first");
    }
    return parserFactory.get();
  }

  public static Optional<InputFormat> fromCliName(String name) {
    return Arrays.stream(values()).filter(f -> f.cliName.equalsIgnoreCase(name.trim())).findFirst();
  }

  @Override
  public String toString() {
    return cliName;
  }
}
