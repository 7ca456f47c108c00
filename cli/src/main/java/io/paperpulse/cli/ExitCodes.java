package io.paperpulse.cli;

/** The process exit codes every paperpulse command uses (DESIGN section 4). */
public final class ExitCodes {

  public static final int OK = 0;

  /** Something went wrong at runtime: broker unreachable, registry error, I/O failure. */
  public static final int FAILURE = 1;

  /** The command line was wrong. */
  public static final int USAGE = 2;

  /** The input data was wrong (a bad record, an unreadable file); reported like a usage error. */
  public static final int BAD_INPUT = 2;

  private ExitCodes() {}
}
