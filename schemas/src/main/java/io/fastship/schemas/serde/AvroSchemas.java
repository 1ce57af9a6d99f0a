package io.fastship.schemas.serde;

import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.common.errors.SerializationException;

/** Finds the Avro schema of a value to serialize: records carry theirs, primitives map to Avro primitives. */
final class AvroSchemas {

    private static final Map<Schema.Type, Schema> PRIMITIVES = new EnumMap<>(Schema.Type.class);

    static {
        for (Schema.Type type : new Schema.Type[] {Schema.Type.NULL, Schema.Type.BOOLEAN, Schema.Type.INT,
                Schema.Type.LONG, Schema.Type.FLOAT, Schema.Type.DOUBLE, Schema.Type.STRING, Schema.Type.BYTES}) {
            PRIMITIVES.put(type, Schema.create(type));
        }
    }

    private AvroSchemas() {
    }

    static Schema schemaOf(Object value) {
        if (value instanceof GenericContainer container) {
            return container.getSchema();
        }
        Schema.Type type;
        if (value instanceof CharSequence) {
            type = Schema.Type.STRING;
        } else if (value instanceof byte[] || value instanceof ByteBuffer) {
            type = Schema.Type.BYTES;
        } else if (value instanceof Integer) {
            type = Schema.Type.INT;
        } else if (value instanceof Long) {
            type = Schema.Type.LONG;
        } else if (value instanceof Boolean) {
            type = Schema.Type.BOOLEAN;
        } else if (value instanceof Float) {
            type = Schema.Type.FLOAT;
        } else if (value instanceof Double) {
            type = Schema.Type.DOUBLE;
        } else {
            throw new SerializationException("Cannot serialize " + value.getClass().getName()
                    + " as Avro: expected a GenericRecord, SpecificRecord or Avro primitive");
        }
        return PRIMITIVES.get(type);
    }
}
