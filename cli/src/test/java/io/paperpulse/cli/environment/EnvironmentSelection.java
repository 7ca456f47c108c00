package io.paperpulse.cli.environment;

import java.util.Locale;

/**
 * Which environments integration tests run in, chosen at run time by {@code PAPERPULSE_IT_ENV}
 * (environment variable, or system property {@code paperpulse.it.env}):
 *
 * <ul>
 *   <li>{@code auto} (default): the embedded cluster always, and containers too where a Docker
 *       engine runs;
 *   <li>{@code embedded}: the embedded cluster only;
 *   <li>{@code containers}: containers only; without Docker this fails rather than pass having
 *       tested nothing.
 * </ul>
 *
 * An environment that does not run is reported as an aborted (skipped) test with the reason, never
 * left out silently.
 */
public final class EnvironmentSelection {

  public static final String VARIABLE = "PAPERPULSE_IT_ENV";
  public static final String PROPERTY = "paperpulse.it.env";

  /** The selection modes. */
  public enum Mode {
    AUTO,
    EMBEDDED,
    CONTAINERS
  }

  private final Mode mode;
  private final DockerProbe docker;

  EnvironmentSelection(Mode mode, DockerProbe docker) {
    this.mode = mode;
    this.docker = docker;
  }

  /** The selection configured for this test run. */
  public static EnvironmentSelection configured() {
    String value = System.getProperty(PROPERTY, System.getenv().getOrDefault(VARIABLE, "auto"));
    return new EnvironmentSelection(parse(value), DockerProbe.testcontainers());
  }

  static Mode parse(String value) {
    try {
      return Mode.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          VARIABLE + "=" + value + " is not one of auto, embedded, containers", e);
    }
  }

  public Mode mode() {
    return mode;
  }

  /**
   * Why this kind does not run, or null when it does; throws when the selection cannot be honoured.
   */
  public String skipReason(EnvironmentKind kind) {
    return switch (kind) {
      case EMBEDDED ->
          mode == Mode.CONTAINERS ? VARIABLE + "=containers selects the containers only" : null;
      case CONTAINERS -> containersSkipReason();
    };
  }

  private String containersSkipReason() {
    if (mode == Mode.EMBEDDED) {
      return VARIABLE + "=embedded selects the embedded cluster only";
    }
    if (docker.available()) {
      return null;
    }
    String reason = "Docker is not available: " + docker.whyNot();
    if (mode == Mode.CONTAINERS) {
      throw new IllegalStateException(VARIABLE + "=containers, but " + reason);
    }
    return reason;
  }

  /** Whether a Docker engine answers, and why not when it does not. */
  interface DockerProbe {

    boolean available();

    String whyNot();

    /** Asks Testcontainers, once; the answer does not change during a test run. */
    static DockerProbe testcontainers() {
      return new TestcontainersDockerProbe();
    }

    /** A probe with a known answer, for testing the selection itself. */
    static DockerProbe fixed(boolean available, String whyNot) {
      return new DockerProbe() {
        @Override
        public boolean available() {
          return available;
        }

        @Override
        public String whyNot() {
          return whyNot;
        }
      };
    }
  }
}
