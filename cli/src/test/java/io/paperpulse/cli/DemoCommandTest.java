package io.paperpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole demo in-process: embedded cluster, streams application, bundled sample, tables. */
class DemoCommandTest {

  private static final Pattern TEMP_DIR = Pattern.compile("in (\\S+) \\(deleted on exit\\)");

  @TempDir Path dir;

  @Test
  void exitWhenDonePrintsTrendingTablesOfTheSampleAndExtraInputThenCleansUp() throws Exception {
    Path extra = dir.resolve("more.jsonl");
    Files.writeString(
        extra,
        "{\"id\":\"demo-qec-1\",\"title\":\"Quantum error correction with surface codes\","
            + "\"abstract\":\"Logical qubits from surface codes.\",\"authors\":[\"A. Author\"],"
            + "\"publishedAt\":\"2025-01-15T00:00:00Z\",\"upvotes\":7}\n");

    CliRun run = CliRun.run("demo", "--exit-when-done", "--input", extra.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err())
        .contains(
            "starting embedded Kafka",
            "Kafka: 127.0.0.1:",
            "Schema Registry: http://",
            "published 49 papers",
            "waiting for the topology to catch up");
    // The sample's papers are mostly from 2024; the extra paper adds 2025. Each year comes with its
    // top papers; no table of months, which would hold one paper each.
    assertThat(run.out())
        .contains(
            "Trending tags, year 2024 (2024-01-01 to 2024-12-31)",
            "Trending tags, year 2025",
            "Top papers, year 2024 (2024-01-01 to 2024-12-31), by upvotes",
            "Top papers, year 2025",
            "Quantum error correction with surface codes")
        .doesNotContain("month 2024-12");
    assertThat(run.out()).contains("large language models", "quantum error correction");
    assertThat(run.out())
        .containsPattern("\\n +1  \\S.* +(topic|keyphrase) +\\d+ +\\d+ +-?\\d+\\.\\d\\d\\n");
    assertThat(run.out()).containsPattern("Alerts: (none|tags that took off)");

    Matcher tempDir = TEMP_DIR.matcher(run.err());
    assertThat(tempDir.find()).as("temporary directory named in: %s", run.err()).isTrue();
    assertThat(Path.of(tempDir.group(1))).doesNotExist();
  }

  @Test
  void unreadableInputIsBadInputBeforeAnythingStarts() {
    CliRun run =
        CliRun.run("demo", "--exit-when-done", "--input", dir.resolve("missing.jsonl").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("missing.jsonl").doesNotContain("starting embedded Kafka");
  }
}
