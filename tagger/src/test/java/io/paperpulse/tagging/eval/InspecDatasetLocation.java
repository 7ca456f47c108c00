package io.paperpulse.tagging.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where tests find the Inspec archive: system property or env PAPERPULSE_INSPEC, else the shared
 * folder.
 */
public final class InspecDatasetLocation {
  public static final String HINT =
      "set -DPAPERPULSE_INSPEC=FILE or env PAPERPULSE_INSPEC, "
          + "or place it at ../../shared/datasets/inspec.zip relative to the tagger module";

  private InspecDatasetLocation() {}

  public static Optional<Path> find() {
    String configured = System.getProperty("PAPERPULSE_INSPEC", System.getenv("PAPERPULSE_INSPEC"));
    Path path =
        configured != null && !configured.isBlank()
            ? Path.of(configured)
            : Path.of("..", "..", "shared", "datasets", "inspec.zip");
    return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
  }
}
