package io.fastship.registry;

import java.util.Objects;

/** Where the embedded registry listens and which Kafka cluster holds its schemas. */
public record SchemaRegistryConfig(String bootstrapServers, String host, int port, String topic) {

    public static final String DEFAULT_TOPIC = "_schemas";

    public SchemaRegistryConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(topic, "topic");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
    }

    /** A registry on 127.0.0.1 with a free port, storing schemas in {@code _schemas}. */
    public static SchemaRegistryConfig onFreePort(String bootstrapServers) {
        return new SchemaRegistryConfig(bootstrapServers, "127.0.0.1", 0, DEFAULT_TOPIC);
    }
}
