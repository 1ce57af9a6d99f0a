package io.fastship.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/** The Confluent framing: magic byte 0, the schema id as a big-endian int32, then the Avro binary body. */
public final class ConfluentWireFormat {

    public static final byte MAGIC_BYTE = 0x0;
    /** Newer Confluent releases mark a 16-byte schema GUID with this magic byte; not supported here. */
    public static final byte GUID_MAGIC_BYTE = 0x1;
    public static final int HEADER_SIZE = 1 + Integer.BYTES;
    public static final String KEY_SCHEMA_ID_HEADER = "__key_schema_id";
    public static final String VALUE_SCHEMA_ID_HEADER = "__value_schema_id";

    private ConfluentWireFormat() {
    }

    /** Writes the 5-byte prefix for the schema id. */
    public static void writeHeader(ByteArrayOutputStream out, int schemaId) {
        out.write(MAGIC_BYTE);
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(schemaId).array());
    }

    /** Validates the prefix of a framed payload and returns its schema id. */
    public static int readSchemaId(byte[] payload) {
        if (payload.length == 0) {
            throw new SerializationException("Payload is empty: a Confluent-framed Avro value needs at least "
                    + HEADER_SIZE + " bytes (magic byte and schema id)");
        }
        byte magic = payload[0];
        if (magic == GUID_MAGIC_BYTE) {
            throw new SerializationException("Magic byte 0x01 (schema GUID framing) is not supported; "
                    + "only magic byte 0x00 with a 4-byte schema id is");
        }
        if (magic != MAGIC_BYTE) {
            throw new SerializationException(String.format(
                    "Unknown magic byte 0x%02x (%d); expected 0x00 for Confluent-framed Avro", magic & 0xff, magic));
        }
        if (payload.length < HEADER_SIZE) {
            throw new SerializationException("Payload too short: " + payload.length + " bytes, but a Confluent-framed "
                    + "Avro value needs at least " + HEADER_SIZE + " (magic byte and 4-byte schema id)");
        }
        return ByteBuffer.wrap(payload, 1, Integer.BYTES).getInt();
    }
}
