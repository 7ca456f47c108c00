package io.paperpulse.producer.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/** Test fixtures from src/test/resources/fixtures and a fixed parsing context. */
public final class Fixtures {

  public static final Instant INGESTED_AT = Instant.parse("2024-12-11T12:00:00Z");

  private Fixtures() {}

  public static String text(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ParseContext context(String sourceName) {
    return new ParseContext(sourceName, LocalDate.of(2024, 12, 11), INGESTED_AT);
  }

  public static ParsedInput read(String fixture, InputFormat format) {
    return InputReader.read(text(fixture), format, context(fixture));
  }
}
