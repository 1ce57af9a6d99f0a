package io.fastship.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.fastship.schemas.Topic;
import io.fastship.schemas.serde.AvroSerdes;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Everything committed to one topic, read as a read_committed consumer would: what a downstream system sees.
 * Call {@link #poll()} inside an Awaitility condition until the records a test expects have arrived.
 */
final class TopicRecords<V extends SpecificRecord> implements AutoCloseable {

    private final KafkaConsumer<String, V> consumer;
    private final List<V> values = new ArrayList<>();

    TopicRecords(String bootstrapServers, String registryUrl, Topic<V> topic) {
        var deserializer = AvroSerdes.specific(topic.valueType(), Map.of("schema.registry.url", registryUrl), false)
                .deserializer();
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), deserializer);
        consumer.subscribe(List.of(topic.name()));
    }

    /** Fetches what arrived since the last call and returns everything read so far. */
    List<V> poll() {
        consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
        return List.copyOf(values);
    }

    @Override
    public void close() {
        consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
    }
}
