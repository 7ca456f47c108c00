package io.paperpulse.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Raises log levels at runtime for {@code -v/--verbose}. The quiet defaults live in logback.xml;
 * verbose mode shows the application's debug messages and Kafka's own INFO lines (connections,
 * rebalances).
 */
public final class Verbosity {

  private static volatile boolean verbose;

  private Verbosity() {}

  static void enableVerboseLogging() {
    verbose = true;
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    setLevel(context, "io.paperpulse", Level.DEBUG);
    setLevel(context, "org.apache.kafka", Level.INFO);
    setLevel(context, "kafka", Level.INFO);
  }

  /**
   * For commands that print their own progress lines (the demo), so the progress is not buried: the
   * first loggers drop their routine INFO lines, the second ones also the warnings that are
   * expected in that command's setting. {@code --verbose} keeps everything.
   */
  public static void quietUnlessVerbose(List<String> warningsOnly, List<String> errorsOnly) {
    if (verbose || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    warningsOnly.forEach(loggerName -> setLevel(context, loggerName, Level.WARN));
    errorsOnly.forEach(loggerName -> setLevel(context, loggerName, Level.ERROR));
  }

  private static void setLevel(LoggerContext context, String loggerName, Level level) {
    Logger logger = context.getLogger(loggerName);
    logger.setLevel(level);
  }
}
