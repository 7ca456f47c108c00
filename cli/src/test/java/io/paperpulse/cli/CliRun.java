package io.paperpulse.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** One in-process invocation of the paperpulse command line with captured output. */
record CliRun(int exitCode, String out, String err) {

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

  String[] outLines() {
    return out.isBlank() ? new String[0] : out.strip().split("\\R");
  }
}
