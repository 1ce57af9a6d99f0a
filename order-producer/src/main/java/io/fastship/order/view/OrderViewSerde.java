package io.fastship.order.view;

import java.util.HashMap;
import java.util.Map;

import io.fastship.schemas.registry.SchemaRegistryClient;
import io.fastship.schemas.serde.AvroSerdeConfig;
import io.fastship.schemas.serde.AvroSerdes;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/** Serde of {@link OrderView}: the project's Avro serde over {@link OrderViewCodec}'s schema. */
public final class OrderViewSerde {

    private OrderViewSerde() {
    }

    public static Serde<OrderView> create(SchemaRegistryClient registry, Map<String, Object> registryConfig) {
        Map<String, Object> config = new HashMap<>(registryConfig);
        // Read old changelog entries into today's shape: Avro resolves the writer's schema into this one.
        config.put(AvroSerdeConfig.AVRO_VALUE_READER_SCHEMA, OrderViewCodec.SCHEMA);
        Serde<GenericRecord> avro = AvroSerdes.generic(registry, config, false);
        Serializer<OrderView> serializer = (topic, view) ->
                view == null ? null : avro.serializer().serialize(topic, OrderViewCodec.toAvro(view));
        Deserializer<OrderView> deserializer = (topic, bytes) -> {
            GenericRecord record = avro.deserializer().deserialize(topic, bytes);
            return record == null ? null : OrderViewCodec.fromAvro(record);
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
