package io.paperpulse.producer.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;

/**
 * The Daily Papers page dump shipped with paperpulse as its default demo input (format {@code
 * hf-page}). Its header shows the page date "Dec 11" and its newest dated card is Dec 9, 2024, so
 * it was captured on 2024-12-11: year-less dates resolve against that day.
 */
public final class BundledSample {

  /** Name used in messages about the sample. */
  public static final String NAME = "daily-papers.txt";

  /** Capture date of the page, the {@code asOf} for its year-less dates. */
  public static final LocalDate AS_OF = LocalDate.of(2024, 12, 11);

  private static final String RESOURCE = "/io/paperpulse/producer/sample/" + NAME;

  private BundledSample() {}

  /** Opens the sample's UTF-8 text; the caller closes it. */
  public static InputStream open() {
    InputStream in = BundledSample.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new UncheckedIOException(
          new IOException("resource " + RESOURCE + " is missing from the producer jar"));
    }
    return in;
  }

  public static LocalDate asOf() {
    return AS_OF;
  }
}
