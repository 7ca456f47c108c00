package io.paperpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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

  @Test
  void printConfigShowsTheDefaultsWithoutConnecting() {
    CliRun run = CliRun.run(with(UNREACHABLE, "streams", "--print-config"));

    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines())
        .contains(
            "bootstrap.servers=127.0.0.1:1",
            "schema.registry.url=http://127.0.0.1:1",
            "application.id=paperpulse",
            "processing.guarantee=exactly_once_v2",
            "paperpulse.granularities=day,week,month,year",
            "paperpulse.top.n=20",
            "paperpulse.emit.interval.ms=1000",
            "paperpulse.topic.partitions=3",
            "num.standby.replicas=1");
  }

  @Test
  void everyOptionSetsItsKey() {
    CliRun run =
        CliRun.run(
            with(
                UNREACHABLE,
                "streams",
                "--print-config",
                "--application-id=app",
                "--state-dir=/tmp/pp-state",
                "--processing-guarantee=at_least_once",
                "--num-standby-replicas=2",
                "--instance-id=host-1",
                "--topic-prefix=dev.",
                "--partitions=6",
                "--replication-factor=3",
                "--granularities=month",
                "--granularities=day",
                "--bucket-by=featured",
                "--alert-min-score=2.5",
                "--alert-min-papers=4",
                "--max-output-record-bytes=5000",
                "--http-port=9090",
                "--advertised-host=node-1"));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.outLines())
        .contains(
            "application.id=app",
            "state.dir=/tmp/pp-state",
            "processing.guarantee=at_least_once",
            "num.standby.replicas=2",
            "group.instance.id=host-1",
            "paperpulse.topic.prefix=dev.",
            "paperpulse.topic.partitions=6",
            "replication.factor=3",
            "paperpulse.granularities=month,day",
            "paperpulse.bucket.by=featured",
            "paperpulse.alert.min.score=2.5",
            "paperpulse.alert.min.papers=4",
            "paperpulse.max.output.record.bytes=5000",
            "paperpulse.http.port=9090",
            "paperpulse.http.advertised.host=node-1");
  }

  @Test
  void setReachesKeysWithoutAnOption() {
    CliRun run =
        CliRun.run(
            with(
                UNREACHABLE,
                "streams",
                "--print-config",
                "--set",
                "paperpulse.top.n=7",
                "--set",
                "paperpulse.emit.interval.ms=500",
                "--set",
                "max.poll.records=50"));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.outLines())
        .contains("paperpulse.top.n=7", "paperpulse.emit.interval.ms=500", "max.poll.records=50");
  }

  @Test
  void optionsWinOverSetWhichWinsOverTheConfigFile() throws Exception {
    Path file = dir.resolve("streams.properties");
    Files.writeString(
        file,
        "paperpulse.granularities=week\n"
            + "application.id=from-file\n"
            + "paperpulse.top.n=9\n"
            + "security.protocol=SASL_SSL\n"
            + "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required"
            + " username=\"u\" password=\"p\";\n"
            + "basic.auth.user.info=u:p\n");

    CliRun fileOnly =
        CliRun.run(with(UNREACHABLE, "streams", "--print-config", "--config", file.toString()));
    CliRun overridden =
        CliRun.run(
            Map.of("PAPERPULSE_PARTITIONS", "5"),
            with(
                UNREACHABLE,
                "streams",
                "--print-config",
                "--config",
                file.toString(),
                "--set",
                "application.id=from-set",
                "--set",
                "paperpulse.top.n=11",
                "--set",
                "paperpulse.topic.partitions=4",
                "--application-id",
                "from-option"));

    assertThat(fileOnly.exitCode()).as(fileOnly.err()).isZero();
    // an option left at its default does not undo the file
    assertThat(fileOnly.outLines())
        .contains(
            "paperpulse.granularities=week",
            "application.id=from-file",
            "paperpulse.top.n=9",
            "security.protocol=SASL_SSL",
            "sasl.jaas.config=[hidden]",
            "basic.auth.user.info=[hidden]");
    assertThat(fileOnly.out()).doesNotContain("password=");
    assertThat(overridden.outLines())
        .contains(
            "paperpulse.granularities=week",
            "application.id=from-option",
            "paperpulse.top.n=11",
            // an option's environment variable counts as the option given
            "paperpulse.topic.partitions=5");
  }

  @Test
  void badSettingsAreUsageErrorsNamingTheKey() throws Exception {
    CliRun badValue = CliRun.run(with(UNREACHABLE, "streams", "--set", "paperpulse.top.n=none"));
    assertThat(badValue.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(badValue.err()).contains("paperpulse.top.n", "none");

    CliRun unknown = CliRun.run(with(UNREACHABLE, "streams", "--set", "paperpulse.topn=5"));
    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err()).contains("paperpulse.topn");

    CliRun noValue = CliRun.run(with(UNREACHABLE, "streams", "--set", "paperpulse.top.n"));
    assertThat(noValue.exitCode()).isEqualTo(ExitCodes.USAGE);

    Path file = dir.resolve("bad.properties");
    Files.writeString(file, "paperpulse.bucket.by=listed\n");
    CliRun inFile =
        CliRun.run(with(UNREACHABLE, "streams", "--config", file.toString(), "--print-config"));
    assertThat(inFile.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(inFile.err()).contains("paperpulse.bucket.by", "listed", "published, featured");

    CliRun option = CliRun.run(with(UNREACHABLE, "streams", "--alert-min-papers", "0"));
    assertThat(option.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(option.err()).contains("--alert-min-papers", "paperpulse.alert.min.papers");
  }

  private static String[] with(String[] connection, String... args) {
    String[] all = new String[args.length + connection.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(connection, 0, all, args.length, connection.length);
    return all;
  }
}
