package io.fastship.inspector.tail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;

/**
 * Turns a generic Avro datum into JSON people can read: unions unwrapped, enums as their symbol,
 * timestamps as ISO-8601, dates and times as ISO, decimals as numbers, bytes as hex.
 */
public final class AvroJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AvroJson() {
    }

    public static JsonNode toJson(Object datum, Schema schema) {
        if (datum == null) {
            return NODES.nullNode();
        }
        return switch (schema.getType()) {
            case UNION -> toJson(datum, schema.getTypes().get(GenericData.get().resolveUnion(schema, datum)));
            case RECORD -> record((IndexedRecord) datum, schema);
            case ENUM, STRING -> NODES.textNode(datum.toString());
            case ARRAY -> array((Iterable<?>) datum, schema.getElementType());
            case MAP -> map((Map<?, ?>) datum, schema.getValueType());
            case INT -> intValue((Integer) datum, schema.getLogicalType());
            case LONG -> longValue((Long) datum, schema.getLogicalType());
            case FLOAT -> floating(((Float) datum).doubleValue());
            case DOUBLE -> floating((Double) datum);
            case BOOLEAN -> NODES.booleanNode((Boolean) datum);
            case BYTES -> bytes(toArray((ByteBuffer) datum), schema.getLogicalType());
            case FIXED -> bytes(((GenericFixed) datum).bytes(), schema.getLogicalType());
            case NULL -> NODES.nullNode();
        };
    }

    private static JsonNode record(IndexedRecord record, Schema schema) {
        ObjectNode node = NODES.objectNode();
        for (Schema.Field field : schema.getFields()) {
            node.set(field.name(), toJson(record.get(field.pos()), field.schema()));
        }
        return node;
    }

    private static JsonNode array(Iterable<?> items, Schema itemSchema) {
        ArrayNode node = NODES.arrayNode();
        items.forEach(item -> node.add(toJson(item, itemSchema)));
        return node;
    }

    private static JsonNode map(Map<?, ?> entries, Schema valueSchema) {
        ObjectNode node = NODES.objectNode();
        entries.forEach((key, value) -> node.set(key.toString(), toJson(value, valueSchema)));
        return node;
    }

    private static JsonNode intValue(int value, LogicalType logical) {
        if (logical instanceof LogicalTypes.Date) {
            return NODES.textNode(LocalDate.ofEpochDay(value).toString());
        }
        if (logical instanceof LogicalTypes.TimeMillis) {
            return NODES.textNode(LocalTime.ofNanoOfDay(value * 1_000_000L).toString());
        }
        return NODES.numberNode(value);
    }

    private static JsonNode longValue(long value, LogicalType logical) {
        if (logical instanceof LogicalTypes.TimestampMillis) {
            return NODES.textNode(Instant.ofEpochMilli(value).toString());
        }
        if (logical instanceof LogicalTypes.TimestampMicros) {
            return NODES.textNode(micros(value).toString());
        }
        if (logical instanceof LogicalTypes.TimestampNanos) {
            return NODES.textNode(Instant.ofEpochSecond(0, value).toString());
        }
        if (logical instanceof LogicalTypes.LocalTimestampMillis) {
            return NODES.textNode(LocalDateTime.ofInstant(Instant.ofEpochMilli(value), ZoneOffset.UTC).toString());
        }
        if (logical instanceof LogicalTypes.LocalTimestampMicros) {
            return NODES.textNode(LocalDateTime.ofInstant(micros(value), ZoneOffset.UTC).toString());
        }
        if (logical instanceof LogicalTypes.TimeMicros) {
            return NODES.textNode(LocalTime.ofNanoOfDay(value * 1_000L).toString());
        }
        return NODES.numberNode(value);
    }

    private static JsonNode floating(double value) {
        // JSON has no NaN or infinity; their names are the honest rendering.
        return Double.isFinite(value) ? NODES.numberNode(value) : NODES.textNode(Double.toString(value));
    }

    private static JsonNode bytes(byte[] value, LogicalType logical) {
        if (logical instanceof LogicalTypes.Decimal decimal) {
            return NODES.numberNode(new BigDecimal(new BigInteger(value), decimal.getScale()));
        }
        return NODES.textNode(HexFormat.of().formatHex(value));
    }

    private static Instant micros(long value) {
        return Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000L);
    }

    private static byte[] toArray(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
