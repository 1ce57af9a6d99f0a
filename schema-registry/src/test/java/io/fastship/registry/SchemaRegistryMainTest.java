package io.fastship.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void shouldPassKafkaClientSettingsThroughAndReadBasicAuthUsers(@TempDir Path dir) throws Exception {
        Path users = Files.writeString(dir.resolve("users"), "order-service:s3cret\nfastship-tools:other\n");

        SchemaRegistryConfig config = SchemaRegistryMain.configFrom(Map.of("KAFKA_BOOTSTRAP_SERVERS", "b:9092",
                "KAFKA_CLIENT_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_CLIENT_SASL_MECHANISM", "SCRAM-SHA-512",
                "SCHEMA_REGISTRY_BASIC_AUTH_USERS_FILE", users.toString()));

        assertThat(config.kafkaClient()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat(config.users()).containsEntry("order-service", "s3cret").hasSize(2);
        assertThat(config.toString()).doesNotContain("s3cret");
    }

    @Test
    void shouldNameTheUsersFileVariableWhenALineIsNotUserColonPassword(@TempDir Path dir) throws Exception {
        Path users = Files.writeString(dir.resolve("users"), "no-password-here\n");

        assertThatThrownBy(() -> SchemaRegistryMain.configFrom(Map.of("KAFKA_BOOTSTRAP_SERVERS", "b:9092",
                "SCHEMA_REGISTRY_BASIC_AUTH_USERS_FILE", users.toString())))
                .hasMessageContaining("SCHEMA_REGISTRY_BASIC_AUTH_USERS_FILE");
    }
}
