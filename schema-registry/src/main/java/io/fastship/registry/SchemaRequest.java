package io.fastship.registry;

import java.util.List;

/** The body clients send to register, look up or test a schema. */
record SchemaRequest(String schema, String schemaType, List<Object> references) {

    public SchemaRequest {
        references = references == null ? List.of() : List.copyOf(references);
    }

    public static SchemaRequest avro(String schema) {
        return new SchemaRequest(schema, null, List.of());
    }
}
