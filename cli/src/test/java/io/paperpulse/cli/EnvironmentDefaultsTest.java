package io.paperpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class EnvironmentDefaultsTest {

  @Command(name = "sample")
  static class Sample implements Runnable {
    @Option(names = "--bootstrap-servers")
    String bootstrapServers;

    @Option(
        names = {"-t", "--topic"},
        defaultValue = "papers")
    String topic;

    @Option(names = "--required", required = true)
    String required;

    @Option(names = "-x")
    String shortOnly;

    @Override
    public void run() {}
  }

  @Test
  void mapsLongOptionNamesToPrefixedUpperCaseVariables() {
    assertThat(EnvironmentDefaults.variableFor("--bootstrap-servers"))
        .isEqualTo("PAPERPULSE_BOOTSTRAP_SERVERS");
    assertThat(EnvironmentDefaults.variableFor("--topic")).isEqualTo("PAPERPULSE_TOPIC");
  }

  @Test
  void environmentFillsOptionsTheCommandLineLeavesOut() {
    Sample sample =
        parse(
            Map.of(
                "PAPERPULSE_BOOTSTRAP_SERVERS",
                "env:9092",
                "PAPERPULSE_TOPIC",
                "env-topic",
                "PAPERPULSE_X",
                "ignored",
                "PAPERPULSE_REQUIRED",
                "from-env"));
    assertThat(sample.required)
        .as("a required option satisfied by the environment")
        .isEqualTo("from-env");
    assertThat(sample.bootstrapServers).isEqualTo("env:9092");
    assertThat(sample.topic).isEqualTo("env-topic");
    assertThat(sample.shortOnly).isNull();
  }

  @Test
  void commandLineWinsOverEnvironmentAndAnnotatedDefaultsApplyWithoutIt() {
    Sample sample =
        parse(
            Map.of("PAPERPULSE_BOOTSTRAP_SERVERS", "env:9092"),
            "--bootstrap-servers",
            "flag:9092",
            "--required",
            "r");
    assertThat(sample.bootstrapServers).isEqualTo("flag:9092");
    assertThat(sample.topic).isEqualTo("papers");
  }

  private static Sample parse(Map<String, String> environment, String... args) {
    Sample sample = new Sample();
    new CommandLine(sample)
        .setDefaultValueProvider(new EnvironmentDefaults(environment))
        .parseArgs(args);
    return sample;
  }
}
