package io.paperpulse.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Raises log levels at runtime for {@code -v/--verbose}. The quiet defaults live in logback.xml; verbose mode
 * shows the application's debug messages and Kafka's own INFO lines (connections, rebalances).
 */
final class Verbosity {

    private Verbosity() {
    }

    static void enableVerboseLogging() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        setLevel(context, "io.paperpulse", Level.DEBUG);
        setLevel(context, "org.apache.kafka", Level.INFO);
        setLevel(context, "kafka", Level.INFO);
    }

    private static void setLevel(LoggerContext context, String loggerName, Level level) {
        Logger logger = context.getLogger(loggerName);
        logger.setLevel(level);
    }
}
