package io.fastship.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class KafkaConnectionTest {

    @Test
    void readsBootstrapRegistryAndPassThroughClientSettings() {
        KafkaConnection connection = KafkaConnection.fromEnv(new Env(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092,broker-2:9092",
                "SCHEMA_REGISTRY_URL", "http://127.0.0.1:8081",
                "KAFKA_CLIENT_SECURITY_PROTOCOL", "SASL_SSL",
                "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", "fred:secret")));

        assertThat(connection.clientConfig())
                .containsEntry("bootstrap.servers", "127.0.0.1:9092,broker-2:9092")
                .containsEntry("security.protocol", "SASL_SSL");
        assertThat(connection.registryConfig())
                .containsEntry("schema.registry.url", "http://127.0.0.1:8081")
                .containsEntry("basic.auth.credentials.source", "USER_INFO")
                .containsEntry("basic.auth.user.info", "fred:secret");
    }

    @Test
    void failsFastNamingTheVariable() {
        assertThatThrownBy(() -> KafkaConnection.fromEnv(new Env(Map.of("SCHEMA_REGISTRY_URL", "http://r:8081"))))
                .hasMessageStartingWith("KAFKA_BOOTSTRAP_SERVERS");
        assertThatThrownBy(() -> KafkaConnection.fromEnv(new Env(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "localhost", "SCHEMA_REGISTRY_URL", "http://r:8081"))))
                .hasMessageStartingWith("KAFKA_BOOTSTRAP_SERVERS must be a comma-separated list of host:port");
        assertThatThrownBy(() -> KafkaConnection.fromEnv(new Env(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "k:9092", "SCHEMA_REGISTRY_URL", "registry:8081"))))
                .hasMessageStartingWith("SCHEMA_REGISTRY_URL must be");
    }
}
