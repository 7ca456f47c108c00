package io.paperpulse.registry.server;

/**
 * A refusal answered as Confluent's {@code {"error_code": N, "message": "..."}} with the matching
 * HTTP status.
 */
public final class RegistryError extends RuntimeException {

  private final int httpStatus;
  private final int errorCode;

  private RegistryError(int httpStatus, int errorCode, String message) {
    super(message);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public int errorCode() {
    return errorCode;
  }

  static RegistryError subjectNotFound(String subject) {
    return new RegistryError(404, 40401, "Subject '" + subject + "' not found.");
  }

  static RegistryError versionNotFound(String subject, int version) {
    return versionNotFound(subject, String.valueOf(version));
  }

  static RegistryError versionNotFound(String subject, String version) {
    return new RegistryError(
        404, 40402, "Version " + version + " not found for subject '" + subject + "'.");
  }

  static RegistryError schemaNotFound(String what) {
    return new RegistryError(404, 40403, "Schema " + what + " not found.");
  }

  static RegistryError subjectSoftDeleted(String subject) {
    return new RegistryError(
        404,
        40404,
        "Subject '" + subject + "' was soft deleted. Set permanent=true to delete permanently");
  }

  static RegistryError subjectNotSoftDeleted(String subject) {
    return new RegistryError(
        404,
        40405,
        "Subject '" + subject + "' was not deleted first before being permanently deleted");
  }

  static RegistryError versionSoftDeleted(String subject, String version) {
    return new RegistryError(
        404,
        40406,
        "Version "
            + version
            + " of subject '"
            + subject
            + "' was soft deleted. Set permanent=true to delete it permanently");
  }

  static RegistryError versionNotSoftDeleted(String subject, int version) {
    return new RegistryError(
        404,
        40407,
        "Version "
            + version
            + " of subject '"
            + subject
            + "' must be soft deleted before it can be permanently deleted");
  }

  static RegistryError subjectModeNotFound(String subject) {
    return new RegistryError(
        404, 40409, "Subject '" + subject + "' does not have a subject-level mode configured");
  }

  static RegistryError subjectConfigNotFound(String subject) {
    return new RegistryError(
        404,
        40408,
        "Subject '" + subject + "' does not have subject-level compatibility configured");
  }

  static RegistryError endpointNotFound(String method, String path) {
    return new RegistryError(404, 404, "HTTP 404 Not Found: no endpoint " + method + " " + path);
  }

  static RegistryError incompatible(String subject, String details) {
    return new RegistryError(
        409,
        409,
        "Schema being registered is incompatible with an earlier schema for subject '"
            + subject
            + "', details: "
            + details);
  }

  static RegistryError invalidSchema(String details) {
    return new RegistryError(422, 42201, "Invalid schema: " + details);
  }

  static RegistryError invalidVersion(String version) {
    return new RegistryError(
        422,
        42202,
        "The specified version '"
            + version
            + "' is not a valid version id. "
            + "Allowed values are between [1, 2^31-1] and the string \"latest\"");
  }

  static RegistryError invalidCompatibilityLevel(String level) {
    return new RegistryError(
        422,
        42203,
        "Invalid compatibility level '"
            + level
            + "'. Valid values are NONE, "
            + "BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE");
  }

  static RegistryError invalidMode(String mode) {
    return new RegistryError(
        422, 42204, "Invalid mode '" + mode + "'. Valid values are READWRITE, READONLY and IMPORT");
  }

  static RegistryError readOnly(String subject) {
    return operationNotPermitted("Subject " + subject + " is in read-only mode");
  }

  static RegistryError operationNotPermitted(String message) {
    return new RegistryError(422, 42205, message);
  }

  static RegistryError referenceExists(String subject, int version) {
    return new RegistryError(
        422,
        42206,
        "Schema subject '"
            + subject
            + "' version "
            + version
            + " is referenced by other schemas; delete those first");
  }

  static RegistryError badRequest(String message) {
    return new RegistryError(400, 400, message);
  }

  static RegistryError unauthorized() {
    return new RegistryError(
        401, 401, "Unauthorized: this schema registry requires HTTP basic authentication");
  }

  static RegistryError storeFailure(String message, Throwable cause) {
    RegistryError error =
        new RegistryError(500, 50001, "Error in the backend data store: " + message);
    error.initCause(cause);
    return error;
  }
}
