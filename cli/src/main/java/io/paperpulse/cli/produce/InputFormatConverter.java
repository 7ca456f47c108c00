package io.paperpulse.cli.produce;

import io.paperpulse.producer.format.InputFormat;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --format} by the format's command-line name ({@code hf-page}, not {@code HF_PAGE}).
 */
public final class InputFormatConverter implements ITypeConverter<InputFormat> {

  @Override
  public InputFormat convert(String value) {
    return InputFormat.fromCliName(value)
        .orElseThrow(
            () ->
                new TypeConversionException(
                    "unknown format '"
                        + value
                        + "' (expected one of "
                        + String.join(", ", new Names())
                        + ")"));
  }

  /** The accepted names, in declaration order; also feeds picocli's completion candidates. */
  public static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(InputFormat.values()).map(InputFormat::cliName).iterator();
    }
  }
}
