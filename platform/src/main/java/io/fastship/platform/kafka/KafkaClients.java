package io.fastship.platform.kafka;

import java.util.HashMap;
import java.util.Map;

import io.fastship.platform.config.KafkaConnection;
import io.fastship.schemas.Topic;
import io.fastship.schemas.registry.SchemaRegistryClient;
import io.fastship.schemas.serde.AvroSerdes;
import io.fastship.schemas.serde.KafkaAvroSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Builds every Kafka client a service uses, with the project's safe defaults, and owns the one cached
 * schema registry client they share (so a schema is fetched or registered once per process).
 *
 * <p>Producers are idempotent with {@code acks=all}; consumers read committed data only and never
 * auto-commit. Consumers hand out raw bytes: values are decoded inside the processing loop, where a
 * record that cannot be decoded becomes a dead letter instead of a poll that fails forever.
 */
public final class KafkaClients implements AutoCloseable {

    private final KafkaConnection connection;
    private final String serviceName;
    private final SchemaRegistryClient registry;

    public KafkaClients(KafkaConnection connection, String serviceName) {
        this.connection = connection;
        this.serviceName = serviceName;
        this.registry = AvroSerdes.client(connection.registryConfig());
    }

    public KafkaConnection connection() {
        return connection;
    }

    public SchemaRegistryClient registry() {
        return registry;
    }

    /** A serde for a topic's values, sharing this process's registry client. */
    public <V extends SpecificRecord> Serde<V> valueSerde(Topic<V> topic) {
        return AvroSerdes.specific(topic.valueType(), registry, connection.registryConfig(), false);
    }

    /** Idempotent, {@code acks=all} producer of Avro values keyed by string. */
    public <V extends SpecificRecord> KafkaProducer<String, V> producer(String clientId, Map<String, Object> overrides) {
        return new KafkaProducer<>(producerConfig(clientId, overrides), new StringSerializer(), avroSerializer());
    }

    /** A producer of raw bytes, for dead letters that keep the original payload untouched. */
    public KafkaProducer<byte[], byte[]> bytesProducer(String clientId, Map<String, Object> overrides) {
        return new KafkaProducer<>(producerConfig(clientId, overrides), new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    /** A {@code read_committed} consumer with manual commits, handing out string keys and raw value bytes. */
    public KafkaConsumer<String, byte[]> consumer(String groupId, String clientId, Map<String, Object> overrides) {
        Map<String, Object> config = connection.clientConfig();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId(clientId));
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.putAll(overrides);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    public Admin admin() {
        Map<String, Object> config = connection.clientConfig();
        config.put("client.id", clientId("admin"));
        return Admin.create(config);
    }

    /** The producer config with the project's defaults, before key/value serializers. */
    public Map<String, Object> producerConfig(String clientId, Map<String, Object> overrides) {
        Map<String, Object> config = connection.clientConfig();
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId(clientId));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // A few ms of linger lets concurrent requests share a batch; lz4 is cheap on CPU. Defaults only: a
        // KAFKA_CLIENT_LINGER_MS / KAFKA_CLIENT_COMPRESSION_TYPE from the environment wins.
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.putAll(overrides);
        return config;
    }

    private <V> KafkaAvroSerializer<V> avroSerializer() {
        return new KafkaAvroSerializer<>(registry, connection.registryConfig(), false);
    }

    private String clientId(String suffix) {
        return suffix.startsWith(serviceName) ? suffix : serviceName + "-" + suffix;
    }

    @Override
    public void close() throws Exception {
        registry.close();
    }
}
