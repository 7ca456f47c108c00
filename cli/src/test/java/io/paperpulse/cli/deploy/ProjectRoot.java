package io.paperpulse.cli.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository root, found from the module directory surefire runs in (or the root itself in an
 * IDE).
 */
public final class ProjectRoot {

  private ProjectRoot() {}

  public static Path find() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("docker-compose.yml"))
          && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "no docker-compose.yml beside a pom.xml above " + Path.of("").toAbsolutePath());
  }
}
