package io.paperpulse.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paperpulse.cli.PaperPulse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LocalClusterCommandTest {

  @TempDir Path dataDir;

  @Test
  void printsReachableAddressesOnceReadyAndStopsCleanly() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine commandLine =
        PaperPulse.commandLine(
            Map.of(), new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                commandLine.execute(
                    "local-cluster",
                    "--kafka-port",
                    "0",
                    "--registry-port",
                    "0",
                    "--data-dir",
                    dataDir.toString()));

    List<String> lines = awaitLines(out, 2, Duration.ofSeconds(60));
    assertThat(lines.get(0)).matches("bootstrap\\.servers=127\\.0\\.0\\.1:\\d+");
    assertThat(lines.get(1)).matches("schema\\.registry\\.url=http://127\\.0\\.0\\.1:\\d+");
    String bootstrap = lines.get(0).substring("bootstrap.servers=".length());
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      assertThat(admin.describeCluster().nodes().get()).hasSize(1);
    }

    LocalClusterCommand command = commandLine.getSubcommands().get("local-cluster").getCommand();
    command.stopAndAwait();
    assertThat(exit.get()).isZero();
    assertThat(dataDir.resolve("kafka/meta.properties")).exists();
  }

  @Test
  void registryAuthMakesTheRegistryRefuseAnonymousRequests() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine commandLine =
        PaperPulse.commandLine(
            Map.of(), new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                commandLine.execute(
                    "local-cluster",
                    "--kafka-port",
                    "0",
                    "--registry-port",
                    "0",
                    "--data-dir",
                    dataDir.toString(),
                    "--registry-auth",
                    "ops:pa:ss"));

    List<String> lines = awaitLines(out, 2, Duration.ofSeconds(60));
    URI subjects =
        URI.create(lines.get(1).substring("schema.registry.url=".length()) + "/subjects");
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> anonymous =
        http.send(HttpRequest.newBuilder(subjects).build(), HttpResponse.BodyHandlers.ofString());
    String credentials =
        Base64.getEncoder().encodeToString("ops:pa:ss".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> authenticated =
        http.send(
            HttpRequest.newBuilder(subjects)
                .header("Authorization", "Basic " + credentials)
                .build(),
            HttpResponse.BodyHandlers.ofString());

    LocalClusterCommand command = commandLine.getSubcommands().get("local-cluster").getCommand();
    command.stopAndAwait();
    assertThat(exit.get()).isZero();
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(authenticated.statusCode()).isEqualTo(200);
  }

  @Test
  void registryAuthWithoutPasswordIsBadUsage() {
    StringWriter err = new StringWriter();
    int exitCode =
        PaperPulse.commandLine(
                Map.of(), new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
            .execute("local-cluster", "--data-dir", dataDir.toString(), "--registry-auth", "ops");
    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString()).contains("--registry-auth must be USER:PASSWORD");
  }

  private static List<String> awaitLines(StringWriter out, int count, Duration timeout) {
    return await(count + " lines of output")
        .atMost(timeout)
        .until(() -> out.toString().lines().toList(), lines -> lines.size() >= count);
  }
}
