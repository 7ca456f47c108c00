package io.paperpulse.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception escaping a command into one readable line on stderr and exit code 1; the stack
 * trace goes to the log at DEBUG, visible with {@code --verbose}. Bad input is not reported here:
 * commands detect it themselves and return {@link ExitCodes#BAD_INPUT}.
 */
final class FailureReporter implements IExecutionExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(FailureReporter.class);

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, ParseResult parseResult) {
    if (exception instanceof CommandLine.ParameterException parameterException) {
      // Validation done inside a command (e.g. a missing connection option) is a usage error.
      commandLine
          .getErr()
          .println(commandLine.getColorScheme().errorText(parameterException.getMessage()));
      parameterException.getCommandLine().usage(commandLine.getErr());
      return ExitCodes.USAGE;
    }
    commandLine.getErr().println(commandLine.getCommandName() + ": " + describe(exception));
    LOG.debug("{} failed", commandLine.getCommandName(), exception);
    return ExitCodes.FAILURE;
  }

  private static String describe(Throwable exception) {
    StringBuilder message = new StringBuilder(String.valueOf(exception.getMessage()));
    for (Throwable cause = exception.getCause();
        cause != null && cause != cause.getCause();
        cause = cause.getCause()) {
      if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
        message.append(": ").append(cause.getMessage());
      }
    }
    return message.toString();
  }
}
