package io.fastship.registry;

import org.apache.avro.Schema;

/** Turns a request into a parsed Avro schema and its canonical text, rejecting what this registry cannot hold. */
final class AvroSchemaParser {

    /** A parsed schema with the text the registry stores and compares. */
    public record ParsedSchema(Schema schema, String canonical) {
    }

    public ParsedSchema parse(SchemaRequest request) {
        if (request.schemaType() != null && !LogCodec.AVRO.equalsIgnoreCase(request.schemaType())) {
            throw RegistryException.invalidSchema("schemaType '" + request.schemaType()
                    + "' is not supported; this registry only holds AVRO schemas");
        }
        if (!request.references().isEmpty()) {
            throw RegistryException.invalidSchema("schema references are not supported; inline the referenced types");
        }
        if (request.schema() == null || request.schema().isBlank()) {
            throw RegistryException.invalidSchema("the request has no 'schema'");
        }
        try {
            Schema schema = new Schema.Parser().parse(request.schema());
            return new ParsedSchema(schema, schema.toString());
        } catch (RuntimeException e) {
            // Avro reports bad input through several unchecked types (SchemaParseException, AvroTypeException, ...).
            throw RegistryException.invalidSchema(String.valueOf(e.getMessage()));
        }
    }
}
