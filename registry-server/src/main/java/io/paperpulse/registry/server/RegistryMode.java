package io.paperpulse.registry.server;

import java.util.Locale;
import java.util.Optional;

/**
 * Confluent's registry modes. READWRITE is the normal one; READONLY refuses every change to
 * schemas; IMPORT accepts only registrations that bring their own id (and version), for copying
 * schemas from another registry with their ids intact, and skips compatibility checks.
 */
public enum RegistryMode {
  READWRITE,
  READONLY,
  IMPORT;

  public static Optional<RegistryMode> parse(String name) {
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
