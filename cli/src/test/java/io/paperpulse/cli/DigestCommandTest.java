package io.paperpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The digest command's checks that need no instance and no mail server: they fail before anything
 * connects.
 */
class DigestCommandTest {

  /**
   * Nothing listens here: a command that got as far as connecting would fail with exit 1, not 2.
   */
  private static final String[] UNREACHABLE = {
    "--url",
    "http://127.0.0.1:1",
    "--smtp-host",
    "127.0.0.1",
    "--smtp-port",
    "1",
    "--send-attempts",
    "1"
  };

  @Test
  void helpListsTheMailOptions() {
    CliRun run = CliRun.run("digest", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "--url",
            "--smtp-host",
            "--smtp-port",
            "--smtp-user",
            "--smtp-password",
            "--starttls",
            "--from",
            "--to",
            "--granularity",
            "--bucket",
            "--tags",
            "--every",
            "--send-attempts",
            "--retry-delay");
    assertThat(CliRun.run("--help").out()).contains("digest");
  }

  @Test
  void smtpHostAndRecipientsAreRequiredButMayComeFromTheEnvironment() {
    CliRun noHost = CliRun.run("digest", "--to", "a@example.org");
    assertThat(noHost.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(noHost.err()).contains("--smtp-host", "PAPERPULSE_SMTP_HOST");

    CliRun noRecipient = CliRun.run("digest", "--smtp-host", "127.0.0.1");
    assertThat(noRecipient.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(noRecipient.err()).contains("--to", "PAPERPULSE_TO");

    // from the environment, the command gets past validation and fails only at reaching the
    // instance
    CliRun fromEnvironment =
        CliRun.run(
            Map.of(
                "PAPERPULSE_SMTP_HOST",
                "127.0.0.1",
                "PAPERPULSE_TO",
                "a@example.org,b@example.org",
                "PAPERPULSE_URL",
                "http://127.0.0.1:1",
                "PAPERPULSE_SEND_ATTEMPTS",
                "1"),
            "digest");
    assertThat(fromEnvironment.exitCode()).as(fromEnvironment.err()).isEqualTo(ExitCodes.FAILURE);
    assertThat(fromEnvironment.err()).contains("could not read the digest from http://127.0.0.1:1");
  }

  @Test
  void badAddressesGranularitiesAndLimitsAreUsageErrors() {
    CliRun badAddress = CliRun.run(with("digest", "--to", "not an address"));
    assertThat(badAddress.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(badAddress.err()).contains("--to", "not an address");

    CliRun badFrom = CliRun.run(with("digest", "--to", "a@example.org", "--from", "@nowhere"));
    assertThat(badFrom.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(badFrom.err()).contains("--from");

    CliRun badGranularity =
        CliRun.run(with("digest", "--to", "a@example.org", "--granularity", "fortnight"));
    assertThat(badGranularity.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(badGranularity.err()).contains("fortnight");

    CliRun noPapers = CliRun.run(with("digest", "--to", "a@example.org", "--papers", "0"));
    assertThat(noPapers.exitCode()).isEqualTo(ExitCodes.USAGE);

    CliRun badEvery = CliRun.run(with("digest", "--to", "a@example.org", "--every", "soon"));
    assertThat(badEvery.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(badEvery.err()).contains("soon");
  }

  @Test
  void aUserWithoutAPasswordIsAUsageError() {
    CliRun run = CliRun.run(with("digest", "--to", "a@example.org", "--smtp-user", "me"));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--smtp-password", "PAPERPULSE_SMTP_PASSWORD");
  }

  private static String[] with(String... args) {
    String[] all = new String[args.length + UNREACHABLE.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(UNREACHABLE, 0, all, args.length, UNREACHABLE.length);
    return all;
  }
}
