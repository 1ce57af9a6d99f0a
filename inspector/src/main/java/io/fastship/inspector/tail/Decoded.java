package io.fastship.inspector.tail;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A key or value as the inspector understood it.
 *
 * @param format   avro, text, hex or null
 * @param schemaId the Confluent schema id for Avro payloads, else null
 * @param json     the value as JSON (a string for text and hex)
 * @param error    why an Avro-looking payload could not be decoded (it is then shown as hex), else null
 */
public record Decoded(Format format, Integer schemaId, JsonNode json, String error) {

    /** How a payload was read. */
    public enum Format { AVRO, TEXT, HEX, NULL }
}
