package io.paperpulse.cli.environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The environments of one test class, started on first use and stopped after the class. Register it
 * as a static {@code @RegisterExtension} field and call {@link #get} from tests parameterized over
 * {@link EnvironmentKind}: a kind the {@link EnvironmentSelection} leaves out aborts the test with
 * the reason, so it is reported as skipped, visibly, once per test.
 */
public final class IntegrationEnvironments implements AfterAllCallback {

  private final EnvironmentSelection selection;
  private final Map<EnvironmentKind, IntegrationEnvironment> started =
      new EnumMap<>(EnvironmentKind.class);

  /** A kind that failed to start fails every later test too, quickly, with the same cause. */
  private final Map<EnvironmentKind, RuntimeException> failed =
      new EnumMap<>(EnvironmentKind.class);

  private Path workDir;

  public IntegrationEnvironments() {
    this(EnvironmentSelection.configured());
  }

  IntegrationEnvironments(EnvironmentSelection selection) {
    this.selection = selection;
  }

  /**
   * The running environment of this kind; aborts the calling test when the selection leaves it out.
   */
  public synchronized IntegrationEnvironment get(EnvironmentKind kind) {
    String skipReason = selection.skipReason(kind);
    Assumptions.assumeTrue(skipReason == null, () -> kind + " skipped: " + skipReason);
    IntegrationEnvironment environment = started.get(kind);
    if (environment != null) {
      return environment;
    }
    if (failed.containsKey(kind)) {
      throw new IllegalStateException(kind + " environment failed to start", failed.get(kind));
    }
    try {
      environment = kind.start(workDir().resolve(kind.name().toLowerCase()));
    } catch (RuntimeException e) {
      failed.put(kind, e);
      throw e;
    }
    started.put(kind, environment);
    return environment;
  }

  @Override
  public synchronized void afterAll(ExtensionContext context) throws IOException {
    List<RuntimeException> problems = new ArrayList<>();
    for (IntegrationEnvironment environment : started.values()) {
      try {
        environment.close();
      } catch (RuntimeException e) {
        problems.add(e);
      }
    }
    started.clear();
    if (workDir != null) {
      try (Stream<Path> paths = Files.walk(workDir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
      workDir = null;
    }
    if (!problems.isEmpty()) {
      IllegalStateException stopFailed =
          new IllegalStateException("stopping test environments failed");
      problems.forEach(stopFailed::addSuppressed);
      throw stopFailed;
    }
  }

  private Path workDir() {
    if (workDir == null) {
      try {
        workDir = Files.createTempDirectory("paperpulse-it-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return workDir;
  }
}
