package io.paperpulse.registry.client;

/**
 * The registry refused a request (HTTP status and Confluent {@code error_code} from its answer) or
 * could not be reached at all (status 0, error code 0).
 */
public class SchemaRegistryException extends RuntimeException {

  /** Confluent error codes the client and serdes react to. */
  public static final int SUBJECT_NOT_FOUND = 40401;

  public static final int VERSION_NOT_FOUND = 40402;
  public static final int SCHEMA_NOT_FOUND = 40403;

  private final int httpStatus;
  private final int errorCode;

  public SchemaRegistryException(int httpStatus, int errorCode, String message) {
    super(message);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  public SchemaRegistryException(String message, Throwable cause) {
    super(message, cause);
    this.httpStatus = 0;
    this.errorCode = 0;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public int errorCode() {
    return errorCode;
  }

  /** True when the registry answered that the subject, version or schema does not exist. */
  public boolean isNotFound() {
    return httpStatus == 404;
  }
}
