package io.paperpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streams command's checks that need no cluster: they must fail before anything connects. */
class StreamsCommandTest {

  /** Nothing listens here: a command that tried to connect would hang or fail differently. */
  private static final String[] UNREACHABLE = {
    "--bootstrap-servers", "127.0.0.1:1", "--schema-registry", "http://127.0.0.1:1"
  };

  @TempDir Path dir;

  @Test
  void helpListsTheTopologyOptions() {
    CliRun run = CliRun.run("streams", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "--application-id",
            "--state-dir",
            "--processing-guarantee",
            "--taxonomy",
            "--taxonomy-mode",
            "--granularities",
            "--partitions",
            "--replication-factor",
            "--num-standby-replicas",
            "--config",
            "--topic-prefix");
    assertThat(run.out()).contains("--http-port", "--advertised-host", "--max-output-record-bytes");
    assertThat(run.out()).containsPattern("keeps\\s+none\\s+\\(default:\\s+1\\)");
  }

  @Test
  void invalidTaxonomyFileIsBadInputNamingFileAndLine() throws Exception {
    Path taxonomy = dir.resolve("topics.tsv");
    Files.writeString(
        taxonomy, "# my topics\nsparse attention\tsparse attn\t\tno such parent topic\n");

    CliRun run = CliRun.run(with(UNREACHABLE, "streams", "--taxonomy", taxonomy.toString()));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("topics.tsv:2", "no such parent topic");
  }

  @Test
  void taxonomyFileWithTooManyColumnsIsBadInputInReplaceModeToo() throws Exception {
    Path taxonomy = dir.resolve("wide.tsv");
    Files.writeString(taxonomy, "a\tb\tc\td\te\n");

    CliRun run =
        CliRun.run(
            with(
                UNREACHABLE,
                "streams",
                "--taxonomy",
                taxonomy.toString(),
                "--taxonomy-mode",
                "replace"));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("wide.tsv:1");
  }

  @Test
  void missingTaxonomyFileIsBadInput() {
    CliRun run =
        CliRun.run(
            with(UNREACHABLE, "streams", "--taxonomy", dir.resolve("absent.tsv").toString()));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("absent.tsv", "no such file");
  }

  @Test
  void unknownGranularityOrGuaranteeIsAUsageError() {
    CliRun granularity =
        CliRun.run(with(UNREACHABLE, "streams", "--granularities", "day,fortnight"));
    assertThat(granularity.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(granularity.err()).contains("fortnight");

    CliRun guarantee =
        CliRun.run(with(UNREACHABLE, "streams", "--processing-guarantee", "exactly_twice"));
    assertThat(guarantee.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(guarantee.err()).contains("exactly_twice", "exactly_once_v2");
  }

  @Test
  void zeroPartitionsIsAUsageError() {
    CliRun run = CliRun.run(with(UNREACHABLE, "streams", "--partitions", "0"));
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("partitions");
  }

  private static String[] with(String[] connection, String... args) {
    String[] all = new String[args.length + connection.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(connection, 0, all, args.length, connection.length);
    return all;
  }
}
