package io.paperpulse.cli.digest;

import io.paperpulse.cli.DurationConverter;
import io.paperpulse.cli.EnvironmentDefaults;
import io.paperpulse.cli.ExitCodes;
import io.paperpulse.cli.StopSignal;
import io.paperpulse.cli.api.ApiClient;
import io.paperpulse.cli.api.ApiException;
import io.paperpulse.cli.api.ApiUrlOption;
import io.paperpulse.streams.buckets.Granularity;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Mails a digest of a running streams or demo instance: the trending tags of a bucket, the alerts
 * raised in it and its top papers, read from the HTTP API and sent over SMTP as HTML with a
 * plain-text alternative. Once, or again every {@code --every} until SIGTERM or Ctrl-C. Reading the
 * API and sending are retried with growing delays; when the attempts run out the command says why
 * and exits 1, so a digest is never lost silently.
 */
@Command(
    name = "digest",
    mixinStandardHelpOptions = true,
    description =
        "Mail a digest of a running paperpulse instance: the period's trending tags, its alerts and "
            + "its top papers (HTML with a plain-text part), once or repeatedly with --every.")
public final class DigestCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(DigestCommand.class);
  private static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(1);

  /**
   * How often the waiting thread looks for a stop request while a round runs: well inside the 2 s a
   * stop may take.
   */
  private static final Duration STOP_CHECK = Duration.ofMillis(100);

  @Spec private CommandSpec spec;

  @Mixin private ApiUrlOption apiUrl;

  @Option(
      names = "--smtp-host",
      paramLabel = "HOST",
      description = "SMTP server to send through (required).")
  private String smtpHost;

  @Option(
      names = "--smtp-port",
      paramLabel = "PORT",
      defaultValue = "25",
      description =
          "SMTP port (default: ${DEFAULT-VALUE}; submission with --starttls is usually 587).")
  private int smtpPort;

  @Option(
      names = "--smtp-user",
      paramLabel = "USER",
      description = "Authenticate as this user (AUTH PLAIN or LOGIN); needs --smtp-password.")
  private String smtpUser;

  @Option(
      names = "--smtp-password",
      paramLabel = "PASSWORD",
      description =
          "Password for --smtp-user; better given as PAPERPULSE_SMTP_PASSWORD than on the command line.")
  private String smtpPassword;

  @Option(
      names = "--starttls",
      description =
          "Upgrade the connection with STARTTLS and refuse to send if the server does not offer it.")
  private boolean startTls;

  @Option(
      names = "--from",
      paramLabel = "ADDRESS",
      defaultValue = "paperpulse@localhost",
      description = "Sender address (default: ${DEFAULT-VALUE}).")
  private String from;

  @Option(
      names = "--to",
      paramLabel = "ADDRESS",
      split = ",",
      arity = "1..*",
      description = "Recipients (required; repeat the option or separate with commas).")
  private List<String> to = new ArrayList<>();

  @Option(
      names = "--granularity",
      paramLabel = "G",
      defaultValue = "week",
      description = "day, week, month or year (default: ${DEFAULT-VALUE}).")
  private String granularity;

  @Option(
      names = "--bucket",
      paramLabel = "YYYY-MM-DD",
      description =
          "Any day of the period to report (default: the latest period with trending tags).")
  private LocalDate bucket;

  @Option(
      names = "--tags",
      paramLabel = "TAG",
      split = ",",
      arity = "1..*",
      description =
          "Only these tags: trending entries and alerts of them, papers carrying one of them.")
  private List<String> tags = new ArrayList<>();

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "10",
      description = "Most trending tags, and most alerts, in a mail (default: ${DEFAULT-VALUE}).")
  private int limit;

  @Option(
      names = "--papers",
      paramLabel = "N",
      defaultValue = "10",
      description = "Most papers in a mail (default: ${DEFAULT-VALUE}).")
  private int papers;

  @Option(
      names = "--every",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "Send a digest now and then again at this interval until interrupted (e.g. 1d, 12h).")
  private Duration every;

  @Option(
      names = "--send-attempts",
      paramLabel = "N",
      defaultValue = "4",
      description =
          "Attempts at reading the API and at sending each digest before giving up "
              + "(default: ${DEFAULT-VALUE}).")
  private int attempts;

  @Option(
      names = "--retry-delay",
      paramLabel = "DURATION",
      defaultValue = "2s",
      converter = DurationConverter.class,
      description =
          "Wait before the second attempt, doubled for each later one up to 1m (default: ${DEFAULT-VALUE}).")
  private Duration retryDelay;

  private final StopSignal stop = new StopSignal();

  /** How one digest round ended. */
  private sealed interface Round {
    record Sent(String subject) implements Round {}

    /** Nothing to report: the instance has no ranking for the period. */
    record Empty(String why) implements Round {}

    record Failed(String why) implements Round {}

    /** A stop was requested while the round waited to retry. */
    record Stopped() implements Round {}
  }

  @Override
  public Integer call() throws InterruptedException {
    Settings settings = validate();
    PrintWriter err = spec.commandLine().getErr();
    ApiClient api = new ApiClient(apiUrl.url());
    DigestSource source = new DigestSource(api, granularity, bucket, tags, limit, papers);
    SmtpMailer mailer = new SmtpMailer(settings.smtp());
    int sent = 0;
    boolean interrupted = false;
    // Rounds run on their own thread so that a stop request is answered at once even while a
    // connection hangs; the thread is a daemon, so an abandoned round cannot keep the process
    // alive.
    ExecutorService worker =
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "paperpulse-digest");
              thread.setDaemon(true);
              return thread;
            });
    try (StopSignal signal = stop.watchShutdown()) {
      while (!signal.isRequested()) {
        Future<Round> running = worker.submit(() -> round(source, mailer, settings, signal, err));
        Optional<Round> finished = await(running, signal);
        if (finished.isEmpty() || finished.get() instanceof Round.Stopped) {
          interrupted = true;
          break;
        }
        Round round = finished.get();
        if (round instanceof Round.Failed failed) {
          err.println("digest: " + failed.why());
          err.flush();
          LOG.error("digest not sent: {}", failed.why());
          return ExitCodes.FAILURE;
        }
        if (round instanceof Round.Sent) {
          sent++;
        } else if (round instanceof Round.Empty empty) {
          err.println("digest: no mail sent: " + empty.why());
          err.flush();
          if (every == null) {
            return ExitCodes.FAILURE;
          }
        }
        if (every == null || signal.await(every)) {
          break;
        }
      }
      if (signal.isRequested()) {
        err.println(
            "digest: stopped after "
                + sent
                + (sent == 1 ? " digest" : " digests")
                + " sent"
                + (interrupted ? "; the digest under way was abandoned" : ""));
        err.flush();
      }
      return ExitCodes.OK;
    } finally {
      worker.shutdownNow();
    }
  }

  /** Asks a running {@code --every} loop to stop and waits until it has. */
  public void stopAndAwait() {
    stop.requestAndAwaitCleanup();
  }

  /**
   * The round's outcome, or empty when a stop was requested first (the round is then abandoned). A
   * round that finished as the stop came is still counted.
   */
  private static Optional<Round> await(Future<Round> running, StopSignal signal)
      throws InterruptedException {
    while (true) {
      try {
        return Optional.of(running.get(STOP_CHECK.toMillis(), TimeUnit.MILLISECONDS));
      } catch (TimeoutException e) {
        if (signal.isRequested() && running.cancel(true)) {
          return Optional.empty();
        }
      } catch (ExecutionException e) {
        return Optional.of(new Round.Failed("unexpected failure: " + e.getCause()));
      }
    }
  }

  /** Reads the digest and sends it, each with its own attempts. */
  private Round round(
      DigestSource source, SmtpMailer mailer, Settings settings, StopSignal signal, PrintWriter err)
      throws InterruptedException {
    Digest digest = null;
    for (int attempt = 1; digest == null; attempt++) {
      try {
        Optional<Digest> read = source.read();
        if (read.isEmpty()) {
          return new Round.Empty(
              apiUrl.url()
                  + " has no trending tags "
                  + (bucket == null
                      ? "for any " + granularity + " yet"
                      : "in the " + granularity + " of " + bucket));
        }
        digest = read.get();
      } catch (ApiException e) {
        if (attempt >= attempts) {
          return new Round.Failed(
              "could not read the digest from "
                  + apiUrl.url()
                  + " after "
                  + attempts
                  + (attempts == 1 ? " attempt: " : " attempts: ")
                  + e.getMessage());
        }
        if (waitBeforeRetry("reading " + apiUrl.url(), e, attempt, signal, err)) {
          return new Round.Stopped();
        }
      }
    }
    for (String missing : unserved(digest)) {
      err.println(
          "digest: "
              + apiUrl.url()
              + " does not serve "
              + missing
              + " (an older version); the mail says so");
      err.flush();
    }
    DigestMail mail = new DigestMail(digest);
    MimeMessage message;
    try {
      message = mailer.compose(mail, settings.from(), settings.to());
    } catch (MessagingException e) {
      return new Round.Failed("could not compose the mail: " + e.getMessage());
    }
    for (int attempt = 1; ; attempt++) {
      try {
        mailer.send(message);
        err.println(
            "digest: sent \""
                + mail.subject()
                + "\" to "
                + String.join(", ", to)
                + " ("
                + count(digest.tags().size(), "tag")
                + ", "
                + count(digest.alerts().size(), "alert")
                + ", "
                + count(digest.papers().size(), "paper")
                + ")");
        err.flush();
        LOG.debug("sent digest \"{}\" to {}", mail.subject(), to);
        return new Round.Sent(mail.subject());
      } catch (SmtpMailer.SendFailure e) {
        if (!e.retryable() || attempt >= attempts) {
          String tries =
              e.retryable() ? " after " + attempt + (attempt == 1 ? " attempt" : " attempts") : "";
          return new Round.Failed(
              "could not send \""
                  + mail.subject()
                  + "\" to "
                  + String.join(", ", to)
                  + tries
                  + ": "
                  + e.getMessage());
        }
        if (waitBeforeRetry("sending", e, attempt, signal, err)) {
          return new Round.Stopped();
        }
      }
    }
  }

  private static List<String> unserved(Digest digest) {
    List<String> missing = new ArrayList<>();
    if (!digest.alertsServed()) {
      missing.add("alerts (/api/alerts)");
    }
    if (!digest.papersServed()) {
      missing.add("top papers (/api/papers)");
    }
    return missing;
  }

  /**
   * Reports a failed attempt and waits before the next; true when a stop was requested meanwhile.
   */
  private boolean waitBeforeRetry(
      String what, Exception failure, int attempt, StopSignal signal, PrintWriter err)
      throws InterruptedException {
    Duration delay = retryDelay.multipliedBy(1L << Math.min(attempt - 1, 20));
    if (delay.compareTo(MAX_RETRY_DELAY) > 0) {
      delay = MAX_RETRY_DELAY;
    }
    String line =
        "attempt "
            + attempt
            + " of "
            + attempts
            + " at "
            + what
            + " failed: "
            + failure.getMessage()
            + "; retrying in "
            + describe(delay);
    err.println("digest: " + line);
    err.flush();
    // the line above is what a user reads; the cause's details are for --verbose
    LOG.debug(line, failure);
    return signal.await(delay);
  }

  private Settings validate() {
    if (smtpHost == null || smtpHost.isBlank()) {
      throw missing("--smtp-host");
    }
    if (to.isEmpty()) {
      throw missing("--to");
    }
    if (smtpPort < 1 || smtpPort > 65535) {
      throw usage("--smtp-port must be between 1 and 65535, got " + smtpPort);
    }
    if (smtpUser != null && smtpPassword == null) {
      throw usage(
          "--smtp-user needs --smtp-password (or "
              + EnvironmentDefaults.variableFor("--smtp-password")
              + ")");
    }
    try {
      Granularity.fromLabel(granularity);
    } catch (IllegalArgumentException e) {
      throw usage("--granularity: " + e.getMessage());
    }
    if (limit < 1 || papers < 1 || attempts < 1) {
      throw usage("--limit, --papers and --send-attempts must be at least 1");
    }
    if (every != null && (every.isZero() || every.isNegative())) {
      throw usage("--every must be a positive duration, got " + every);
    }
    if (retryDelay.isNegative()) {
      throw usage("--retry-delay must not be negative");
    }
    tags = tags.stream().map(String::strip).filter(tag -> !tag.isEmpty()).distinct().toList();
    to = to.stream().map(String::strip).filter(address -> !address.isEmpty()).toList();
    List<InternetAddress> recipients = new ArrayList<>();
    for (String address : to) {
      recipients.add(address("--to", address));
    }
    return new Settings(
        address("--from", from),
        recipients,
        new SmtpMailer.Settings(
            smtpHost.strip(), smtpPort, smtpUser, smtpPassword, startTls, Duration.ofSeconds(20)));
  }

  /** What {@link #validate()} made of the options. */
  private record Settings(
      InternetAddress from, List<InternetAddress> to, SmtpMailer.Settings smtp) {}

  private InternetAddress address(String option, String text) {
    try {
      InternetAddress address = new InternetAddress(text.strip(), true);
      address.validate();
      return address;
    } catch (AddressException e) {
      throw usage(option + ": '" + text + "' is not a mail address (" + e.getMessage() + ")");
    }
  }

  private ParameterException missing(String option) {
    return usage(
        "Missing required option '"
            + option
            + "' (or environment variable "
            + EnvironmentDefaults.variableFor(option)
            + ")");
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String describe(Duration delay) {
    return delay.toMillis() % 1000 == 0 ? delay.toSeconds() + " s" : delay.toMillis() + " ms";
  }
}
