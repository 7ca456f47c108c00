package io.paperpulse.cli.cluster;

import io.paperpulse.cli.ExitCodes;
import io.paperpulse.cli.StopSignal;
import io.paperpulse.local.LocalCluster;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Runs the embedded broker and registry in the foreground until interrupted. The two address lines
 * are the only stdout output, in {@code key=value} form so scripts can source or grep them. SIGTERM
 * or Ctrl-C stops the registry and the broker (its logs flushed, so the next start needs no
 * recovery), prints one line to stderr and exits 0.
 */
@Command(
    name = "local-cluster",
    mixinStandardHelpOptions = true,
    description = "Run a local Kafka broker and Schema Registry until interrupted (Ctrl-C).")
public final class LocalClusterCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--kafka-port",
      paramLabel = "PORT",
      defaultValue = "9092",
      description =
          "Kafka client port on 127.0.0.1, 0 for any free port (default: ${DEFAULT-VALUE}).")
  private int kafkaPort;

  @Option(
      names = "--registry-port",
      paramLabel = "PORT",
      defaultValue = "8081",
      description =
          "Schema Registry port on 127.0.0.1, 0 for any free port (default: ${DEFAULT-VALUE}).")
  private int registryPort;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = LocalCluster.DEFAULT_DATA_DIR,
      description =
          "Where topics and schemas are kept; reused on the next start (default: ${DEFAULT-VALUE}).")
  private Path dataDir;

  @Option(
      names = "--registry-auth",
      paramLabel = "USER:PASSWORD",
      description =
          "Make the Schema Registry require HTTP basic auth with these credentials; clients pass "
              + "basic.auth.credentials.source=USER_INFO and basic.auth.user.info=USER:PASSWORD in --config.")
  private String registryAuth;

  private final StopSignal stop = new StopSignal();

  @Override
  public Integer call() throws InterruptedException {
    LocalCluster.Builder builder =
        LocalCluster.builder(dataDir).kafkaPort(kafkaPort).registryPort(registryPort);
    if (registryAuth != null) {
      int colon = registryAuth.indexOf(':');
      if (colon <= 0 || colon == registryAuth.length() - 1) {
        throw new ParameterException(
            spec.commandLine(),
            "--registry-auth must be USER:PASSWORD with a non-empty user and password");
      }
      builder.registryBasicAuth(
          registryAuth.substring(0, colon), registryAuth.substring(colon + 1));
    }
    LocalCluster cluster = builder.build();
    try (StopSignal signal = stop.watchShutdown()) {
      try {
        cluster.start();
        PrintWriter out = spec.commandLine().getOut();
        out.println("bootstrap.servers=" + cluster.bootstrapServers());
        out.println("schema.registry.url=" + cluster.schemaRegistryUrl());
        out.flush();
        signal.awaitRequest();
      } finally {
        cluster.close();
      }
      PrintWriter err = spec.commandLine().getErr();
      err.println("local-cluster: stopped; data kept in " + dataDir.toAbsolutePath());
      err.flush();
    }
    return ExitCodes.OK;
  }

  /** Asks a running {@link #call()} to stop the cluster and waits until it has. */
  public void stopAndAwait() {
    stop.requestAndAwaitCleanup();
  }
}
