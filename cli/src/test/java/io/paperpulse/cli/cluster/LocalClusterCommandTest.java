package io.paperpulse.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperpulse.cli.PaperPulse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LocalClusterCommandTest {

    @TempDir
    Path dataDir;

    @Test
    void printsReachableAddressesOnceReadyAndStopsCleanly() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine commandLine = PaperPulse.commandLine(Map.of(), new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> commandLine.execute(
                "local-cluster", "--kafka-port", "0", "--registry-port", "0", "--data-dir", dataDir.toString()));

        List<String> lines = awaitLines(out, 2, Duration.ofSeconds(60));
        assertThat(lines.get(0)).matches("bootstrap\\.servers=127\\.0\\.0\\.1:\\d+");
        assertThat(lines.get(1)).matches("schema\\.registry\\.url=http://127\\.0\\.0\\.1:\\d+");
        String bootstrap = lines.get(0).substring("bootstrap.servers=".length());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            assertThat(admin.describeCluster().nodes().get()).hasSize(1);
        }

        LocalClusterCommand command = commandLine.getSubcommands().get("local-cluster").getCommand();
        command.stopAndAwait();
        assertThat(exit.get()).isZero();
        assertThat(dataDir.resolve("kafka/meta.properties")).exists();
    }

    private static List<String> awaitLines(StringWriter out, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> lines = out.toString().lines().toList();
            if (lines.size() >= count) {
                return lines;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + count + " lines within " + timeout + ", got: " + out);
    }
}
