package io.paperpulse.cli.environment;

import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Whether Testcontainers finds a Docker engine. Its own failure message ("could not find a valid
 * Docker environment") says little, so the reason names what was looked at: DOCKER_HOST and the
 * default socket.
 */
final class TestcontainersDockerProbe implements EnvironmentSelection.DockerProbe {

  private static final Logger LOG = LoggerFactory.getLogger(TestcontainersDockerProbe.class);
  private static final Path DEFAULT_SOCKET = Path.of("/var/run/docker.sock");

  private Boolean available;

  @Override
  public synchronized boolean available() {
    if (available == null) {
      available = DockerClientFactory.instance().isDockerAvailable();
      if (!available) {
        LOG.warn("Container integration tests are skipped: Docker is not available: {}", whyNot());
      }
    }
    return available;
  }

  @Override
  public String whyNot() {
    String dockerHost = System.getenv("DOCKER_HOST");
    return "Testcontainers found no Docker engine (DOCKER_HOST "
        + (dockerHost == null ? "unset" : "= " + dockerHost)
        + ", "
        + DEFAULT_SOCKET
        + (Files.exists(DEFAULT_SOCKET) ? " present but not answering" : " missing")
        + ")";
  }
}
