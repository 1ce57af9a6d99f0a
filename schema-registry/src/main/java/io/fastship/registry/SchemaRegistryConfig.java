package io.fastship.registry;

import java.util.Map;
import java.util.Objects;

/**
 * Where the embedded registry listens and which Kafka cluster holds its schemas.
 *
 * @param kafkaClient extra settings of its Kafka clients (security.protocol, sasl.*, ssl.*)
 * @param users basic-auth users and passwords; empty: the API is open
 */
public record SchemaRegistryConfig(String bootstrapServers, String host, int port, String topic,
                                   Map<String, String> kafkaClient, Map<String, String> users) {

    public static final String DEFAULT_TOPIC = "_schemas";

    public SchemaRegistryConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(topic, "topic");
        kafkaClient = Map.copyOf(kafkaClient);
        users = Map.copyOf(users);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
    }

    /** An open registry whose Kafka clients need no extra settings. */
    public SchemaRegistryConfig(String bootstrapServers, String host, int port, String topic) {
        this(bootstrapServers, host, port, topic, Map.of(), Map.of());
    }

    @Override
    public String toString() {
        // Passwords stay out of logs and assertion messages.
        return "SchemaRegistryConfig[" + bootstrapServers + ", " + host + ":" + port + ", " + topic + ", "
                + users.size() + " user(s)]";
    }

    /** A registry on 127.0.0.1 with a free port, storing schemas in {@code _schemas}. */
    public static SchemaRegistryConfig onFreePort(String bootstrapServers) {
        return new SchemaRegistryConfig(bootstrapServers, "127.0.0.1", 0, DEFAULT_TOPIC);
    }
}
