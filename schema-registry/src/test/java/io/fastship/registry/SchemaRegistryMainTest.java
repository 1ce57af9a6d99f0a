package io.fastship.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaRegistryMainTest {

    @Test
    void shouldApplyDefaults() {
        SchemaRegistryConfig config = SchemaRegistryMain.configFrom(Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker:9092"));

        assertThat(config).isEqualTo(new SchemaRegistryConfig("broker:9092", "127.0.0.1", 8081, "_schemas"));
    }

    @Test
    void shouldReadHostAndPort() {
        SchemaRegistryConfig config = SchemaRegistryMain.configFrom(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "broker:9092", "SCHEMA_REGISTRY_PORT", "18081", "SCHEMA_REGISTRY_HOST", "0.0.0.0"));

        assertThat(config.port()).isEqualTo(18081);
        assertThat(config.host()).isEqualTo("0.0.0.0");
    }

    @Test
    void shouldNameTheMissingBootstrapVariable() {
        assertThatThrownBy(() -> SchemaRegistryMain.configFrom(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void shouldNameTheBadPortVariable() {
        assertThatThrownBy(() -> SchemaRegistryMain.configFrom(
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "b:9092", "SCHEMA_REGISTRY_PORT", "eighty")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SCHEMA_REGISTRY_PORT").hasMessageContaining("eighty");
        assertThatThrownBy(() -> SchemaRegistryMain.configFrom(
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "b:9092", "SCHEMA_REGISTRY_PORT", "70000")))
                .hasMessageContaining("SCHEMA_REGISTRY_PORT");
    }
}
