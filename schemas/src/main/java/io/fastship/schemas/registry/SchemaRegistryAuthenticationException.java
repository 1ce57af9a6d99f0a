package io.fastship.schemas.registry;

/** The registry answered 401: credentials missing or wrong. */
public class SchemaRegistryAuthenticationException extends SchemaRegistryException {

    private static final long serialVersionUID = 1L;

    public SchemaRegistryAuthenticationException(int errorCode, String message) {
        super(401, errorCode, message);
    }
}
