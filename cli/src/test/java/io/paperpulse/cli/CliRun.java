package io.paperpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperpulse.local.LocalCluster;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** One in-process invocation of the paperpulse command line with captured output. */
record CliRun(int exitCode, String out, String err) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static CliRun run(String... args) {
    return run(Map.of(), args);
  }

  static CliRun run(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine =
        PaperPulse.commandLine(environment, new PrintWriter(out, true), new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new CliRun(exitCode, out.toString(), err.toString());
  }

  /** The connection to {@code cluster} as the commands read it from their environment. */
  static Map<String, String> connection(LocalCluster cluster) {
    return Map.of(
        "PAPERPULSE_BOOTSTRAP_SERVERS",
        cluster.bootstrapServers(),
        "PAPERPULSE_SCHEMA_REGISTRY",
        cluster.schemaRegistryUrl());
  }

  /**
   * {@code paperpulse consume --from-beginning} with {@code args} added; fails the test unless it
   * exits 0. One JSON object per record.
   */
  static List<JsonNode> consume(Map<String, String> environment, String... args)
      throws IOException {
    List<String> command = new ArrayList<>(List.of("consume", "--from-beginning"));
    command.addAll(List.of(args));
    CliRun consume = run(environment, command.toArray(String[]::new));
    assertThat(consume.exitCode()).as(consume.err()).isZero();
    List<JsonNode> records = new ArrayList<>();
    for (String line : consume.outLines()) {
      records.add(JSON.readTree(line));
    }
    return records;
  }

  String[] outLines() {
    return out.isBlank() ? new String[0] : out.strip().split("\\R");
  }
}
