package io.paperpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpTest {

  @Test
  void rootHelpListsTheCommandsAndTheEnvironmentConvention() {
    CliRun run = CliRun.run("--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "local-cluster", "produce", "consume", "streams", "demo", "eval-tagger", "PAPERPULSE_");
  }

  @ParameterizedTest
  @ValueSource(strings = {"local-cluster", "produce", "consume", "streams", "demo", "eval-tagger"})
  void everyCommandHasHelp(String command) {
    CliRun run = CliRun.run(command, "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("Usage: paperpulse " + command).contains("--help");
  }

  @Test
  void versionNamesTheProject() {
    CliRun run = CliRun.run("--version");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("paperpulse 0.");
  }

  @Test
  void unknownOptionsAreUsageErrors() {
    CliRun run = CliRun.run("consume", "--topic", "papers", "--no-such-option");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--no-such-option");
  }

  @Test
  void missingConnectionSettingIsAUsageErrorNamingOptionAndVariable() {
    CliRun run =
        CliRun.run("consume", "--topic", "papers", "--schema-registry", "http://127.0.0.1:1");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--bootstrap-servers", "PAPERPULSE_BOOTSTRAP_SERVERS");
  }

  @Test
  void produceWithoutInputIsAUsageError() {
    CliRun run =
        CliRun.run(
            "produce",
            "--bootstrap-servers",
            "127.0.0.1:1",
            "--schema-registry",
            "http://127.0.0.1:1");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("Nothing to produce");
  }

  @Test
  void badFormatNameIsAUsageErrorListingTheFormats() {
    CliRun run = CliRun.run("produce", "--format", "csv", "x.txt");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("csv", "hf-page", "jsonl");
  }
}
