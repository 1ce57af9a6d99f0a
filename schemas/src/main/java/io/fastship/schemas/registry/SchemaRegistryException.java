package io.fastship.schemas.registry;

/** A failed schema registry call, carrying the HTTP status and the registry's {@code error_code}. */
public class SchemaRegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Status used when no HTTP response was received at all. */
    public static final int NO_RESPONSE = -1;
    /** Error code used when the registry sent none. */
    public static final int NO_ERROR_CODE = -1;

    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int SUBJECT_SOFT_DELETED = 40404;
    public static final int SUBJECT_NOT_SOFT_DELETED = 40405;
    public static final int SUBJECT_LEVEL_CONFIG_NOT_FOUND = 40408;
    public static final int INCOMPATIBLE_SCHEMA = 40901;
    /** Older Confluent releases and Karapace report incompatibility with the bare HTTP status. */
    public static final int INCOMPATIBLE_SCHEMA_LEGACY = 409;
    public static final int INVALID_SCHEMA = 42201;
    public static final int INVALID_VERSION = 42202;
    public static final int INVALID_COMPATIBILITY_LEVEL = 42203;

    private final int status;
    private final int errorCode;

    public SchemaRegistryException(int status, int errorCode, String message) {
        this(status, errorCode, message, null);
    }

    public SchemaRegistryException(int status, int errorCode, String message, Throwable cause) {
        super(describe(status, errorCode, message), cause);
        this.status = status;
        this.errorCode = errorCode;
    }

    /** The HTTP status, or {@link #NO_RESPONSE}. */
    public int status() {
        return status;
    }

    /** The registry's {@code error_code}, or {@link #NO_ERROR_CODE}. */
    public int errorCode() {
        return errorCode;
    }

    /** Any 404: subject, version or schema unknown. */
    public boolean isNotFound() {
        return status == 404;
    }

    public boolean isSubjectNotFound() {
        return status == 404 && errorCode == SUBJECT_NOT_FOUND;
    }

    public boolean isVersionNotFound() {
        return status == 404 && errorCode == VERSION_NOT_FOUND;
    }

    /** 404/40403; registries that send a bare 404 on the id endpoint are covered by {@link #isNotFound()}. */
    public boolean isSchemaNotFound() {
        return status == 404 && errorCode == SCHEMA_NOT_FOUND;
    }

    /** True when the registry rejected a schema as incompatible. */
    public boolean isIncompatible() {
        return status == 409
                && (errorCode == INCOMPATIBLE_SCHEMA || errorCode == INCOMPATIBLE_SCHEMA_LEGACY
                        || errorCode == NO_ERROR_CODE);
    }

    private static String describe(int status, int errorCode, String message) {
        StringBuilder text = new StringBuilder(message == null ? "schema registry error" : message);
        if (status != NO_RESPONSE) {
            text.append(" (HTTP ").append(status);
            if (errorCode != NO_ERROR_CODE) {
                text.append(", error_code ").append(errorCode);
            }
            text.append(')');
        }
        return text.toString();
    }
}
