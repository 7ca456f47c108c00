package io.paperpulse.cli.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the demo keeps the embedded cluster's data and the streams state: a directory the user
 * chose (kept), or a fresh temporary one (deleted on close, so repeated demos leave nothing
 * behind).
 */
final class DemoWorkspace implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DemoWorkspace.class);

  private final Path root;
  private final boolean temporary;

  private DemoWorkspace(Path root, boolean temporary) {
    this.root = root.toAbsolutePath();
    this.temporary = temporary;
  }

  static DemoWorkspace in(Path directory) {
    return new DemoWorkspace(directory, false);
  }

  static DemoWorkspace temporary() {
    try {
      return new DemoWorkspace(Files.createTempDirectory("paperpulse-demo-"), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory for the demo", e);
    }
  }

  Path root() {
    return root;
  }

  boolean isTemporary() {
    return temporary;
  }

  Path clusterDir() {
    return root.resolve("cluster");
  }

  Path streamsStateDir() {
    return root.resolve("streams-state");
  }

  @Override
  public void close() {
    if (temporary) {
      deleteTree(root);
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure)
                throws IOException {
              Files.deleteIfExists(directory);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // Leftovers in the temp directory are harmless; the demo's result stands.
      LOG.warn("could not delete the demo's temporary directory {}: {}", root, e.toString());
    }
  }
}
