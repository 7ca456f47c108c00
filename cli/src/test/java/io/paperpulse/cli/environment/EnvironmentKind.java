package io.paperpulse.cli.environment;

import java.nio.file.Path;

/** The environments integration tests can run in. */
public enum EnvironmentKind {

  /** paperpulse's own in-JVM KRaft broker and registry: always available. */
  EMBEDDED {
    @Override
    IntegrationEnvironment start(Path workDir) {
      return EmbeddedEnvironment.start(workDir);
    }
  },

  /**
   * apache/kafka and confluentinc/cp-schema-registry in Docker, the images docker-compose.yml runs.
   */
  CONTAINERS {
    @Override
    IntegrationEnvironment start(Path workDir) {
      return ContainerEnvironment.start();
    }
  };

  /**
   * Starts the environment; {@code workDir} is for data on disk where the environment keeps any.
   */
  abstract IntegrationEnvironment start(Path workDir);
}
