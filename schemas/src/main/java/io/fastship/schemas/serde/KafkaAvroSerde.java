package io.fastship.schemas.serde;

import io.fastship.schemas.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka {@link Serde} pairing {@link KafkaAvroSerializer} and {@link KafkaAvroDeserializer} over one registry client. */
public class KafkaAvroSerde<T> implements Serde<T> {

    private SchemaRegistryClient client;
    private boolean ownsClient;
    private KafkaAvroSerializer<T> serializer;
    private KafkaAvroDeserializer<T> deserializer;

    /** For reflective construction (e.g. Kafka Streams default serdes); {@link #configure} builds the client. */
    public KafkaAvroSerde() {
    }

    /** Uses a shared client, which this serde will not close. */
    public KafkaAvroSerde(SchemaRegistryClient client) {
        this.client = client;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (client == null) {
            client = SchemaRegistryClient.fromConfigs(configs);
            ownsClient = true;
        }
        serializer = new KafkaAvroSerializer<>(client, configs, isKey);
        deserializer = new KafkaAvroDeserializer<>(client, configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return requireConfigured(serializer);
    }

    @Override
    public Deserializer<T> deserializer() {
        return requireConfigured(deserializer);
    }

    @Override
    public void close() {
        if (serializer != null) {
            serializer.close();
        }
        if (deserializer != null) {
            deserializer.close();
        }
        if (ownsClient) {
            client.close();
        }
    }

    private static <S> S requireConfigured(S part) {
        if (part == null) {
            throw new IllegalStateException("KafkaAvroSerde used before configure()");
        }
        return part;
    }
}
