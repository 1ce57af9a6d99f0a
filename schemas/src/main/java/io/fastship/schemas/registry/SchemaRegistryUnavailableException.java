package io.fastship.schemas.registry;

/** No configured registry URL could be reached. */
public class SchemaRegistryUnavailableException extends SchemaRegistryException {

    private static final long serialVersionUID = 1L;

    public SchemaRegistryUnavailableException(String message, Throwable cause) {
        super(NO_RESPONSE, NO_ERROR_CODE, message, cause);
    }
}
