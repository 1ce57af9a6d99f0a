package io.fastship.schemas.registry;

/** The registry answered 403: authenticated, but not allowed to do this. */
public class SchemaRegistryAuthorizationException extends SchemaRegistryException {

    private static final long serialVersionUID = 1L;

    public SchemaRegistryAuthorizationException(int errorCode, String message) {
        super(403, errorCode, message);
    }
}
