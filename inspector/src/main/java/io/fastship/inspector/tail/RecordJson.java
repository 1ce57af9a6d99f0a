package io.fastship.inspector.tail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The JSON object {@code tail} prints for one record: partition, offset, timestamp, key, headers,
 * schemaId and value always, in that order; keySchemaId and error only when there is something to say.
 */
public final class RecordJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final PayloadDecoder decoder;

    public RecordJson(PayloadDecoder decoder) {
        this.decoder = decoder;
    }

    /** The record's key as the decoder reads it, for {@code --key} matching. */
    public static String keyText(Decoded key) {
        return key.json().isTextual() ? key.json().textValue() : key.json().toString();
    }

    public ObjectNode toJson(ConsumerRecord<byte[], byte[]> record, Decoded key) {
        Decoded value = decoder.decode(record.value());
        ObjectNode node = NODES.objectNode();
        node.put("partition", record.partition());
        node.put("offset", record.offset());
        if (record.timestamp() >= 0) {
            node.put("timestamp", Instant.ofEpochMilli(record.timestamp()).toString());
        } else {
            node.putNull("timestamp");
        }
        node.set("key", key.json());
        node.set("headers", headers(record));
        node.set("schemaId", value.schemaId() == null ? NODES.nullNode() : NODES.numberNode(value.schemaId()));
        node.set("value", value.json());
        if (key.format() == Decoded.Format.AVRO) {
            node.put("keySchemaId", key.schemaId());
        }
        String error = value.error() != null ? value.error() : key.error();
        if (error != null) {
            node.put("error", error);
        }
        return node;
    }

    /** Header values as text when they are text, else hex; a repeated header name collects its values in an array. */
    private static ObjectNode headers(ConsumerRecord<byte[], byte[]> record) {
        ObjectNode node = NODES.objectNode();
        for (Header header : record.headers()) {
            JsonNode value = header.value() == null ? NODES.nullNode()
                    : PayloadDecoder.text(header.value()).<JsonNode>map(NODES::textNode)
                            .orElseGet(() -> NODES.textNode(java.util.HexFormat.of().formatHex(header.value())));
            JsonNode existing = node.get(header.key());
            if (existing == null) {
                node.set(header.key(), value);
            } else if (existing instanceof ArrayNode array) {
                array.add(value);
            } else {
                ArrayNode array = NODES.arrayNode().add(existing).add(value);
                node.set(header.key(), array);
            }
        }
        return node;
    }
}
