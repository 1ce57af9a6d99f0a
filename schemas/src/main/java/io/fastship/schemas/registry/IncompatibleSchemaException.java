package io.fastship.schemas.registry;

/** The registry refused a schema as incompatible with the subject's earlier versions (HTTP 409). */
public class IncompatibleSchemaException extends SchemaRegistryException {

    private static final long serialVersionUID = 1L;

    public IncompatibleSchemaException(int errorCode, String message) {
        super(409, errorCode, message);
    }
}
