package io.fastship.console.topics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fastship.inspector.Cluster;
import io.fastship.inspector.tail.PayloadDecoder;
import io.fastship.inspector.tail.RecordJson;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Records as the inspector's {@code tail} prints them (Avro decoded to JSON, headers as text), plus the topic. */
public final class RecordViews {

    private final PayloadDecoder decoder;
    private final RecordJson json;

    public RecordViews(Cluster cluster) {
        this.decoder = new PayloadDecoder(id -> cluster.registry().getSchemaById(id));
        this.json = new RecordJson(decoder);
    }

    public ObjectNode toJson(ConsumerRecord<byte[], byte[]> record) {
        ObjectNode node = json.toJson(record, decoder.decode(record.key()));
        node.put("topic", record.topic());
        return node;
    }

    /** A header's value as UTF-8, or null when the record does not carry it. */
    public static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
