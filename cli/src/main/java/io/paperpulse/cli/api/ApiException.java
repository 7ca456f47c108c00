package io.paperpulse.cli.api;

/**
 * The HTTP API could not answer: unreachable, a rejected request, an unreadable answer, or
 * unavailable too long.
 */
public final class ApiException extends Exception {

  private static final long serialVersionUID = 1L;

  public ApiException(String message) {
    super(message);
  }

  public ApiException(String message, Throwable cause) {
    super(message, cause);
  }
}
