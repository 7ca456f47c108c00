package io.paperpulse.cli.streams;

import io.paperpulse.streams.app.ProcessingGuarantee;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --processing-guarantee} by its Kafka config value ({@code exactly_once_v2}, {@code
 * at_least_once}).
 */
final class ProcessingGuaranteeConverter implements ITypeConverter<ProcessingGuarantee> {

  @Override
  public ProcessingGuarantee convert(String value) {
    try {
      return ProcessingGuarantee.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
