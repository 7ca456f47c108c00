package io.paperpulse.cli;

import io.paperpulse.cli.bench.BenchCommand;
import io.paperpulse.cli.cluster.LocalClusterCommand;
import io.paperpulse.cli.consume.ConsumeCommand;
import io.paperpulse.cli.demo.DemoCommand;
import io.paperpulse.cli.digest.DigestCommand;
import io.paperpulse.cli.eval.EvalTaggerCommand;
import io.paperpulse.cli.generate.GenerateCommand;
import io.paperpulse.cli.produce.ProduceCommand;
import io.paperpulse.cli.reset.ResetCommand;
import io.paperpulse.cli.streams.StreamsCommand;
import io.paperpulse.cli.topics.TopicsCommand;
import io.paperpulse.cli.watch.WatchCommand;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code paperpulse} command. Subcommands are self-contained classes registered in {@link
 * #SUBCOMMANDS}; adding one (demo, streams, watch) means writing the class and listing it there.
 */
@Command(
    name = "paperpulse",
    mixinStandardHelpOptions = true,
    versionProvider = VersionInfo.class,
    description =
        "Research-paper trends on Kafka: run the demo or a local cluster, produce paper events, run the streams application, consume topics.",
    footer = {
      "",
      "Every long option can also be set with a PAPERPULSE_* environment variable,",
      "e.g. --bootstrap-servers with PAPERPULSE_BOOTSTRAP_SERVERS.",
      "Exit codes: 0 success, 1 runtime failure, 2 bad usage or bad input."
    },
    subcommandsRepeatable = false)
public final class PaperPulse implements Runnable {

  private static final Class<?>[] SUBCOMMANDS = {
    LocalClusterCommand.class,
    ProduceCommand.class,
    ConsumeCommand.class,
    StreamsCommand.class,
    DemoCommand.class,
    EvalTaggerCommand.class,
    GenerateCommand.class,
    TopicsCommand.class,
    ResetCommand.class,
    WatchCommand.class,
    DigestCommand.class,
    BenchCommand.class,
  };

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Log details (application debug messages, Kafka client and broker info).")
  void setVerbose(boolean verbose) {
    if (verbose) {
      Verbosity.enableVerboseLogging();
    }
  }

  @Override
  public void run() {
    // "paperpulse" alone: show what is available instead of failing silently.
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Builds the fully configured command line; tests use it with their own environment and writers.
   */
  public static CommandLine commandLine(
      Map<String, String> environment, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new PaperPulse());
    for (Class<?> subcommand : SUBCOMMANDS) {
      commandLine.addSubcommand(subcommand);
    }
    commandLine.setDefaultValueProvider(new EnvironmentDefaults(environment));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(new FailureReporter());
    return commandLine;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    Shutdown.installHook();
    int exitCode = commandLine(System.getenv(), out, err).execute(args);
    out.flush();
    err.flush();
    // Before System.exit, which would block behind a running shutdown hook that is waiting for
    // this.
    Shutdown.mainFinished(exitCode);
    System.exit(exitCode);
  }
}
