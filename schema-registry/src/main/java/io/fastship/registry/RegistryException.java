package io.fastship.registry;

/** A failure the REST API reports to the client as {@code {"error_code", "message"}} with an HTTP status. */
final class RegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final int errorCode;

    public RegistryException(int httpStatus, int errorCode, String message) {
        this(httpStatus, errorCode, message, null);
    }

    public RegistryException(int httpStatus, int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int errorCode() {
        return errorCode;
    }

    static RegistryException subjectNotFound(String subject) {
        return new RegistryException(404, 40401, "Subject '" + subject + "' not found.");
    }

    static RegistryException versionNotFound(String subject, String version) {
        return new RegistryException(404, 40402, "Version " + version + " not found for subject '" + subject + "'.");
    }

    static RegistryException schemaNotFound(String detail) {
        return new RegistryException(404, 40403, "Schema not found: " + detail);
    }

    static RegistryException subjectSoftDeleted(String subject) {
        return new RegistryException(404, 40404,
                "Subject '" + subject + "' was soft deleted. Set permanent=true to delete permanently");
    }

    static RegistryException subjectNotSoftDeleted(String subject) {
        return new RegistryException(404, 40405,
                "Subject '" + subject + "' was not deleted first before being permanently deleted");
    }

    static RegistryException subjectConfigNotFound(String subject) {
        return new RegistryException(404, 40408,
                "Subject '" + subject + "' does not have subject-level compatibility configured");
    }

    static RegistryException incompatible(String detail) {
        return new RegistryException(409, 40901, "Schema being registered is incompatible with an earlier schema; " + detail);
    }

    static RegistryException invalidSchema(String detail) {
        return new RegistryException(422, 42201, "Invalid schema: " + detail);
    }

    static RegistryException invalidVersion(String version) {
        return new RegistryException(422, 42202,
                "The specified version '" + version + "' is not a valid version id. "
                        + "Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    static RegistryException invalidCompatibilityLevel(String level) {
        return new RegistryException(422, 42203,
                "Invalid compatibility level '" + level + "'. Valid values are: " + CompatibilityLevel.names());
    }

    static RegistryException unprocessable(String detail) {
        return new RegistryException(422, 422, "Unprocessable entity: " + detail);
    }

    static RegistryException internal(String detail, Throwable cause) {
        return new RegistryException(500, 50001, "Internal error: " + detail, cause);
    }
}
