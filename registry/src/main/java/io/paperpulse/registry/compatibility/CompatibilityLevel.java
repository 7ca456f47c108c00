package io.paperpulse.registry.compatibility;

import java.util.Locale;
import java.util.Optional;

/**
 * Confluent's compatibility levels: which existing versions a new schema is checked against, and in
 * which direction.
 */
public enum CompatibilityLevel {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  /** The level a registry applies when neither the subject nor the global config says otherwise. */
  public static final CompatibilityLevel DEFAULT = BACKWARD;

  private final boolean backward;
  private final boolean forward;
  private final boolean transitive;

  CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
    this.backward = backward;
    this.forward = forward;
    this.transitive = transitive;
  }

  /** New schema must read data written with the existing one(s). */
  public boolean backward() {
    return backward;
  }

  /** Existing schema(s) must read data written with the new one. */
  public boolean forward() {
    return forward;
  }

  /** Checked against every live version rather than only the latest. */
  public boolean transitive() {
    return transitive;
  }

  /** Parses a level name case-insensitively; empty when the name is not a Confluent level. */
  public static Optional<CompatibilityLevel> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
