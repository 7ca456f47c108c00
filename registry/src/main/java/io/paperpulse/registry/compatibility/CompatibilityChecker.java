package io.paperpulse.registry.compatibility;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/** Applies a {@link CompatibilityLevel} with Avro's own reader/writer resolution rules. */
public final class CompatibilityChecker {

  private CompatibilityChecker() {}

  /**
   * Checks a candidate schema against the existing versions of a subject.
   *
   * @param existing live versions, oldest first; non-transitive levels only look at the last one
   * @return the reasons the candidate is incompatible; empty when it is compatible
   */
  public static List<String> incompatibilities(
      CompatibilityLevel level, Schema candidate, List<Schema> existing) {
    if (level == CompatibilityLevel.NONE || existing.isEmpty()) {
      return List.of();
    }
    List<Schema> targets =
        level.transitive() ? existing : List.of(existing.get(existing.size() - 1));
    List<String> messages = new ArrayList<>();
    for (Schema old : targets) {
      if (level.backward()) {
        describe(
            "backward",
            SchemaCompatibility.checkReaderWriterCompatibility(candidate, old),
            messages);
      }
      if (level.forward()) {
        describe(
            "forward",
            SchemaCompatibility.checkReaderWriterCompatibility(old, candidate),
            messages);
      }
    }
    return messages;
  }

  private static void describe(
      String direction, SchemaPairCompatibility pair, List<String> messages) {
    if (pair.getType() == SchemaCompatibilityType.COMPATIBLE) {
      return;
    }
    for (Incompatibility incompatibility : pair.getResult().getIncompatibilities()) {
      messages.add(
          direction
              + " incompatibility "
              + incompatibility.getType()
              + " at "
              + incompatibility.getLocation()
              + ": "
              + incompatibility.getMessage());
    }
    if (pair.getResult().getIncompatibilities().isEmpty()) {
      messages.add(direction + " incompatibility: " + pair.getDescription());
    }
  }
}
