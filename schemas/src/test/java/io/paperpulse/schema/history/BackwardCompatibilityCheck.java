package io.paperpulse.schema.history;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * BACKWARD (transitive) compatibility of a schema against its released versions: data written with
 * any released version must stay readable with the current schema, which is what the streams
 * application needs when it is upgraded before, or without, re-reading its topics. Returns the
 * problems as readable lines rather than throwing, so one run reports them all.
 */
public final class BackwardCompatibilityCheck {

  private BackwardCompatibilityCheck() {}

  /** Empty when {@code current} can read data of every released version. */
  public static List<String> problems(
      String name, Schema current, List<ReleasedSchemas.Version> released) {
    List<String> problems = new ArrayList<>();
    for (ReleasedSchemas.Version version : released) {
      SchemaPairCompatibility result =
          SchemaCompatibility.checkReaderWriterCompatibility(current, version.schema());
      if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
        String reasons =
            result.getResult().getIncompatibilities().stream()
                .map(i -> i.getType() + " at " + i.getLocation() + ": " + i.getMessage())
                .collect(Collectors.joining("; "));
        problems.add(
            "schema "
                + name
                + " cannot read data written with released v"
                + version.version()
                + " ("
                + reasons
                + "). Give new fields a default, keep removed fields' defaults, do not change types;"
                + " an intended break needs a new schema name or topic.");
      }
    }
    return problems;
  }
}
