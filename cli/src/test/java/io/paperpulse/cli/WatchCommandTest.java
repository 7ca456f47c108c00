package io.paperpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code paperpulse watch} against an HTTP server speaking the API's event stream. */
class WatchCommandTest {

  private Javalin server;
  private String granularitySeen;

  @BeforeEach
  void startServer() {
    server = Javalin.create(config -> config.showJavalinBanner = false);
    server.sse(
        "/api/trending/stream",
        client -> {
          granularitySeen = client.ctx().queryParam("granularity");
          client.keepAlive();
          client.sendComment("keep-alive");
          client.sendEvent("trending", rankingJson(List.of("agents", "diffusion", "robotics")));
          client.sendEvent("trending", rankingJson(List.of("robotics", "agents", "speech")));
        });
    server.start("127.0.0.1", 0);
  }

  @AfterEach
  void stopServer() {
    server.stop();
  }

  @Test
  void drawsEachUpdateWithArrowsForRankChanges() {
    CliRun run =
        CliRun.run(
            "watch",
            "--url",
            "http://127.0.0.1:" + server.port(),
            "--granularity",
            "month",
            "--updates",
            "2",
            "--no-clear");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(granularitySeen).isEqualTo("month");
    String[] blocks = run.out().split("paperpulse · trending tags");
    assertThat(blocks).hasSize(3);
    assertThat(blocks[2]).containsPattern("robotics\\s").contains("▲2", "▼1", "★");
  }

  @Test
  void anUnreachableInstanceIsReportedAndRetried() throws Exception {
    int port = server.port();
    server.stop();
    Thread watcher =
        new Thread(
            () -> CliRun.run("watch", "--url", "http://127.0.0.1:" + port, "--updates", "1"));
    watcher.setDaemon(true);
    watcher.start();
    watcher.join(1500);
    // still retrying rather than failing
    assertThat(watcher.isAlive()).isTrue();
    watcher.interrupt();
  }

  private static String rankingJson(List<String> tags) {
    StringBuilder entries = new StringBuilder();
    for (int i = 0; i < tags.size(); i++) {
      entries
          .append(i == 0 ? "" : ",")
          .append("{\"rank\":")
          .append(i + 1)
          .append(",\"tag\":\"")
          .append(tags.get(i))
          .append("\",\"kind\":\"TOPIC\",\"paperCount\":")
          .append(5 - i)
          .append(",\"upvoteSum\":3,\"score\":1.5}");
    }
    return "{\"granularity\":\"month\",\"bucketStart\":\"2024-01-01\",\"bucketEnd\":\"2024-02-01\",\"tags\":["
        + entries
        + "]}";
  }
}
