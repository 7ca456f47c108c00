package io.paperpulse.producer.job;

import io.paperpulse.producer.sample.BundledSample;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One input to produce: a file, standard input, or the bundled sample.
 *
 * @param name shown in messages and used for format detection by extension
 * @param opener opens the input; the caller closes the stream
 * @param asOf capture date to resolve year-less page dates, or null to use the job's
 * @param identity what makes the input the same input again, for the transactional id
 */
public record InputSource(String name, Opener opener, LocalDate asOf, String identity) {

  /** Opens the input's bytes (UTF-8 text). */
  @FunctionalInterface
  public interface Opener {
    InputStream open() throws IOException;
  }

  public InputSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(opener, "opener");
    Objects.requireNonNull(identity, "identity");
  }

  /** A command-line argument: a file path, or {@code -} for standard input. */
  public static InputSource fromArgument(String argument, Supplier<InputStream> stdin) {
    if (argument.equals("-")) {
      return new InputSource("stdin", stdin::get, null, "-");
    }
    return file(Path.of(argument));
  }

  public static InputSource file(Path path) {
    return new InputSource(
        path.toString(),
        () -> Files.newInputStream(path),
        null,
        path.toAbsolutePath().normalize().toString());
  }

  /** The Daily Papers page shipped with paperpulse, with its capture date. */
  public static InputSource bundledSample() {
    return new InputSource(
        BundledSample.NAME,
        BundledSample::open,
        BundledSample.asOf(),
        "bundled:" + BundledSample.NAME);
  }
}
