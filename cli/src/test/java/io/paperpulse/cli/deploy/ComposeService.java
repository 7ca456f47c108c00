package io.paperpulse.cli.deploy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One service of docker-compose.yml, reduced to what the checks compare with the application.
 *
 * @param command the arguments after the image's entrypoint (for paperpulse: the subcommand and its
 *     options)
 * @param containerPorts the container side of every {@code ports} mapping
 * @param healthcheck the health check command joined into one string, empty when there is none
 * @param dependsOn service name to its {@code condition}
 */
public record ComposeService(
    String name,
    String image,
    boolean built,
    List<String> command,
    Map<String, String> environment,
    List<Integer> containerPorts,
    Optional<String> healthcheck,
    Map<String, String> dependsOn,
    Optional<String> hostname) {

  /** Built from this repository's Dockerfile. */
  boolean isPaperPulse() {
    return built;
  }

  public String imageTag() {
    int colon = image.lastIndexOf(':');
    return colon < 0 ? "latest" : image.substring(colon + 1);
  }

  public String imageName() {
    int colon = image.lastIndexOf(':');
    return colon < 0 ? image : image.substring(0, colon);
  }
}
