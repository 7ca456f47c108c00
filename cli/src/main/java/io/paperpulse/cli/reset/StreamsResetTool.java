package io.paperpulse.cli.reset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.IntSupplier;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.tools.StreamsResetter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka's streams application reset tool ({@code kafka-streams-application-reset.sh}), run in this
 * process: it rewinds the application's committed offsets on its input topics to the earliest, then
 * deletes the internal topics it is given.
 *
 * <p>The tool prints its progress to {@code System.out} and its failures, stack trace included, to
 * {@code System.err}. The reset command reports one line per action instead, so the tool's text
 * goes to the debug log ({@code --verbose}) and only its error line into the exception the command
 * reports.
 */
final class StreamsResetTool {

  private static final Logger LOG = LoggerFactory.getLogger(StreamsResetTool.class);
  private static final String ERROR_PREFIX = "ERROR: ";

  /**
   * The standard streams are the JVM's: two resets in one process must not swap them at the same
   * time.
   */
  private static final Object STANDARD_STREAMS = new Object();

  private final Map<String, Object> clientProperties;

  /**
   * @param clientProperties what every Kafka client of paperpulse gets: --config settings,
   *     bootstrap servers
   */
  StreamsResetTool(Map<String, Object> clientProperties) {
    this.clientProperties = Map.copyOf(clientProperties);
  }

  /**
   * @param inputTopics topics whose committed offsets go back to the earliest; may be empty
   * @param internalTopics topics to delete. When empty, the tool deletes every topic it takes for
   *     an internal topic of the application by its name ({@link ResetPlan#lookalikeTopics()}):
   *     callers make sure there is none.
   */
  void run(String applicationId, List<String> inputTopics, List<String> internalTopics) {
    Path commandConfig = writeCommandConfig();
    try {
      List<String> args =
          new ArrayList<>(
              List.of(
                  "--application-id",
                  applicationId,
                  "--bootstrap-server",
                  clientProperties.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG).toString(),
                  "--command-config",
                  commandConfig.toString()));
      if (!internalTopics.isEmpty()) {
        args.addAll(List.of("--internal-topics", String.join(",", internalTopics)));
      }
      if (!inputTopics.isEmpty()) {
        args.addAll(List.of("--input-topics", String.join(",", inputTopics), "--to-earliest"));
      }
      LOG.debug("running Kafka's streams reset tool with {}", args);
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      int exitCode =
          withStandardStreamsInto(
              printed, () -> new StreamsResetter().execute(args.toArray(String[]::new)));
      String text = printed.toString(StandardCharsets.UTF_8);
      LOG.debug("Kafka's streams reset tool exited with {} and printed:\n{}", exitCode, text);
      if (exitCode != 0) {
        throw new IllegalStateException("Kafka's streams reset tool failed: " + errorLine(text));
      }
    } finally {
      try {
        Files.deleteIfExists(commandConfig);
      } catch (IOException e) {
        LOG.warn("cannot delete {}: {}", commandConfig, e.getMessage());
      }
    }
  }

  /**
   * The tool takes client settings for its admin client and consumer only from a file: this writes
   * the ones paperpulse's clients get (security settings of a secured cluster among them) to a file
   * only the owner can read, as they may hold credentials.
   */
  private Path writeCommandConfig() {
    try {
      Path file =
          FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
              ? Files.createTempFile(
                  "paperpulse-reset",
                  ".properties",
                  PosixFilePermissions.asFileAttribute(
                      PosixFilePermissions.fromString("rw-------")))
              : Files.createTempFile("paperpulse-reset", ".properties");
      Properties properties = new Properties();
      clientProperties.forEach((key, value) -> properties.setProperty(key, value.toString()));
      // stored as the tool reads it: ISO-8859-1, anything else escaped
      try (OutputStream out = Files.newOutputStream(file)) {
        properties.store(out, "client settings of paperpulse reset");
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the reset tool's client settings: " + e.getMessage(), e);
    }
  }

  private static int withStandardStreamsInto(ByteArrayOutputStream printed, IntSupplier call) {
    synchronized (STANDARD_STREAMS) {
      PrintStream out = System.out;
      PrintStream err = System.err;
      PrintStream into = new PrintStream(printed, true, StandardCharsets.UTF_8);
      try {
        System.setOut(into);
        System.setErr(into);
        return call.getAsInt();
      } finally {
        System.setOut(out);
        System.setErr(err);
      }
    }
  }

  /** The tool's own error line, e.g. the refusal of a group that still has members. */
  private static String errorLine(String printed) {
    return printed
        .lines()
        .filter(line -> line.startsWith(ERROR_PREFIX))
        .map(line -> line.substring(ERROR_PREFIX.length()))
        .findFirst()
        .orElse("it exited with an error (its output is in the log with --verbose)");
  }
}
