package io.paperpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalTaggerCommandTest {

  /** The benchmark beside the project checkout; the module's tests run in cli/. */
  private static final Path INSPEC = Path.of("../../shared/datasets/inspec.zip");

  @TempDir Path dir;

  @Test
  void missingDatasetIsBadInputNamingTheFile() {
    CliRun run = CliRun.run("eval-tagger", "--dataset", dir.resolve("nothing-here.zip").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("nothing-here.zip", "--dataset");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void fileThatIsNoInspecArchiveIsBadInput() throws Exception {
    Path notAZip = dir.resolve("inspec.zip");
    Files.writeString(notAZip, "these are not the abstracts you are looking for\n");

    CliRun run = CliRun.run("eval-tagger", "--dataset", notAZip.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("inspec.zip");
  }

  @Test
  void scoresAnyArchiveInTheInspecLayoutUnderItsName() throws Exception {
    Path zip = dir.resolve("tiny.zip");
    try (java.util.zip.ZipOutputStream out =
        new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new java.util.zip.ZipEntry("Tiny/docsutf8/a.txt"));
      out.write(
          "Thin film transistors\r\nSource/drain contacts of thin film transistors.\r\n"
              .getBytes());
      out.putNextEntry(new java.util.zip.ZipEntry("Tiny/keys/a.key"));
      out.write("thin film transistors\n\tsource/drain contacts\r\n".getBytes());
      out.closeEntry();
    }

    CliRun run = CliRun.run("eval-tagger", "--dataset", zip.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Tiny (1 abstracts", "F1@5", "F1@10").doesNotContain("held out");
  }

  @Test
  void scoresTheRealBenchmarkWhenPresent() {
    assumeTrue(
        Files.isRegularFile(INSPEC),
        "Inspec benchmark not available at " + INSPEC.toAbsolutePath());

    CliRun run = CliRun.run("eval-tagger", "--dataset", INSPEC.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Inspec (2000 abstracts", "held out");
  }
}
