package io.paperpulse.cli.cluster;

import io.paperpulse.cli.ExitCodes;
import io.paperpulse.local.LocalCluster;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Runs the embedded broker and registry in the foreground until interrupted. The two address lines are the
 * only stdout output, in {@code key=value} form so scripts can source or grep them.
 */
@Command(name = "local-cluster", mixinStandardHelpOptions = true,
        description = "Run a local Kafka broker and Schema Registry until interrupted (Ctrl-C).")
public final class LocalClusterCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(LocalClusterCommand.class);

    @Spec
    private CommandSpec spec;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "9092",
            description = "Kafka client port on 127.0.0.1, 0 for any free port (default: ${DEFAULT-VALUE}).")
    private int kafkaPort;

    @Option(names = "--registry-port", paramLabel = "PORT", defaultValue = "8081",
            description = "Schema Registry port on 127.0.0.1, 0 for any free port (default: ${DEFAULT-VALUE}).")
    private int registryPort;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = LocalCluster.DEFAULT_DATA_DIR,
            description = "Where topics and schemas are kept; reused on the next start (default: ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Option(names = "--registry-auth", paramLabel = "USER:PASSWORD",
            description = "Make the Schema Registry require HTTP basic auth with these credentials; clients pass "
                    + "basic.auth.credentials.source=USER_INFO and basic.auth.user.info=USER:PASSWORD in --config.")
    private String registryAuth;

    /** Released to stop the cluster; the shutdown hook releases it on Ctrl-C, tests may release it directly. */
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        LocalCluster.Builder builder = LocalCluster.builder(dataDir).kafkaPort(kafkaPort).registryPort(registryPort);
        if (registryAuth != null) {
            int colon = registryAuth.indexOf(':');
            if (colon <= 0 || colon == registryAuth.length() - 1) {
                throw new ParameterException(spec.commandLine(),
                        "--registry-auth must be USER:PASSWORD with a non-empty user and password");
            }
            builder.registryBasicAuth(registryAuth.substring(0, colon), registryAuth.substring(colon + 1));
        }
        LocalCluster cluster = builder.build();
        Thread shutdownHook = new Thread(this::stopAndAwait, "paperpulse-local-cluster-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            cluster.start();
            PrintWriter out = spec.commandLine().getOut();
            out.println("bootstrap.servers=" + cluster.bootstrapServers());
            out.println("schema.registry.url=" + cluster.schemaRegistryUrl());
            out.flush();
            stopRequested.await();
        } finally {
            cluster.close();
            // Logged before releasing the shutdown hook: once it returns the JVM may halt.
            LOG.info("Local cluster stopped; data kept in {}", dataDir.toAbsolutePath());
            stopped.countDown();
            removeHook(shutdownHook);
        }
        return ExitCodes.OK;
    }

    /** Asks a running {@link #call()} to stop the cluster and waits until it has. */
    public void stopAndAwait() {
        stopRequested.countDown();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException jvmAlreadyShuttingDown) {
            // The hook is what brought us here; nothing to remove.
        }
    }
}
