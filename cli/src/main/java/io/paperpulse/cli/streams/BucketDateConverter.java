package io.paperpulse.cli.streams;

import io.paperpulse.streams.buckets.BucketDate;
import java.util.Arrays;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --bucket-by published|featured}. */
final class BucketDateConverter implements ITypeConverter<BucketDate> {

  @Override
  public BucketDate convert(String value) {
    return Arrays.stream(BucketDate.values())
        .filter(date -> date.label().equals(value))
        .findFirst()
        .orElseThrow(
            () -> new TypeConversionException("'" + value + "' is not published or featured"));
  }
}
