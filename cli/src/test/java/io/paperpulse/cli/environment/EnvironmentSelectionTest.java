package io.paperpulse.cli.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperpulse.cli.environment.EnvironmentSelection.DockerProbe;
import io.paperpulse.cli.environment.EnvironmentSelection.Mode;
import org.junit.jupiter.api.Test;

class EnvironmentSelectionTest {

  private static final DockerProbe NO_DOCKER =
      DockerProbe.fixed(false, "no socket at /var/run/docker.sock");
  private static final DockerProbe DOCKER = DockerProbe.fixed(true, "");

  @Test
  void autoRunsTheEmbeddedClusterAlwaysAndContainersWhereDockerRuns() {
    assertThat(new EnvironmentSelection(Mode.AUTO, DOCKER).skipReason(EnvironmentKind.EMBEDDED))
        .isNull();
    assertThat(new EnvironmentSelection(Mode.AUTO, DOCKER).skipReason(EnvironmentKind.CONTAINERS))
        .isNull();
    assertThat(new EnvironmentSelection(Mode.AUTO, NO_DOCKER).skipReason(EnvironmentKind.EMBEDDED))
        .isNull();
    assertThat(
            new EnvironmentSelection(Mode.AUTO, NO_DOCKER).skipReason(EnvironmentKind.CONTAINERS))
        .isEqualTo("Docker is not available: no socket at /var/run/docker.sock");
  }

  @Test
  void explicitModesRunOneEnvironmentAndSayWhyTheOtherIsSkipped() {
    assertThat(
            new EnvironmentSelection(Mode.EMBEDDED, DOCKER).skipReason(EnvironmentKind.CONTAINERS))
        .contains("PAPERPULSE_IT_ENV=embedded");
    assertThat(
            new EnvironmentSelection(Mode.CONTAINERS, DOCKER).skipReason(EnvironmentKind.EMBEDDED))
        .contains("PAPERPULSE_IT_ENV=containers");
    assertThat(
            new EnvironmentSelection(Mode.CONTAINERS, DOCKER)
                .skipReason(EnvironmentKind.CONTAINERS))
        .isNull();
  }

  @Test
  void askingForContainersWithoutDockerFailsInsteadOfSkipping() {
    EnvironmentSelection selection = new EnvironmentSelection(Mode.CONTAINERS, NO_DOCKER);

    assertThatThrownBy(() -> selection.skipReason(EnvironmentKind.CONTAINERS))
        .hasMessageContaining("PAPERPULSE_IT_ENV=containers")
        .hasMessageContaining("no socket");
  }

  @Test
  void modeNamesAreCaseInsensitiveAndUnknownOnesAreRejected() {
    assertThat(EnvironmentSelection.parse(" Containers ")).isEqualTo(Mode.CONTAINERS);
    assertThatThrownBy(() -> EnvironmentSelection.parse("docker"))
        .hasMessageContaining("auto, embedded, containers");
  }
}
