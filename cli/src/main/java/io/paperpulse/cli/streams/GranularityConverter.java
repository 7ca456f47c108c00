package io.paperpulse.cli.streams;

import io.paperpulse.streams.buckets.Granularity;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads one granularity of {@code --granularities day,week,month,year} by its label. */
final class GranularityConverter implements ITypeConverter<Granularity> {

  @Override
  public Granularity convert(String value) {
    try {
      return Granularity.fromLabel(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
