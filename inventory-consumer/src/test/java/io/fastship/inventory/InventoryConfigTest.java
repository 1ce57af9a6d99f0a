package io.fastship.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.fastship.platform.config.ConfigException;
import io.fastship.platform.config.Env;
import org.junit.jupiter.api.Test;

class InventoryConfigTest {

    private static final Map<String, String> REQUIRED = Map.of(
            "KAFKA_BOOTSTRAP_SERVERS", "localhost:9092", "SCHEMA_REGISTRY_URL", "http://localhost:8081");

    @Test
    void defaultsFollowTheServiceConventions() {
        InventoryConfig config = InventoryConfig.fromEnv(env(Map.of("INSTANCE_ID", "inv-1")));

        assertThat(config.service().httpHost()).isEqualTo("127.0.0.1");
        assertThat(config.service().httpPort()).isEqualTo(8083);
        assertThat(config.service().advertisedHost()).isEqualTo("127.0.0.1");
        assertThat(config.service().applicationServer()).isEqualTo("127.0.0.1:8083");
        assertThat(config.service().topicNamespace()).isEmpty();
        assertThat(config.service().topicPartitions()).isEqualTo(6);
        assertThat(config.standbyReplicas()).isEqualTo(1);
        assertThat(config.streamThreads()).isEqualTo(1);
        assertThat(config.commitInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(config.stateDir()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "fastship-inventory-inv-1"));
        assertThat(config.applicationId()).isEqualTo("inventory-service");
    }

    @Test
    void everySettingIsReadFromItsVariable() {
        InventoryConfig config = InventoryConfig.fromEnv(env(Map.of("HTTP_HOST", "0.0.0.0", "HTTP_PORT", "9000",
                "HTTP_ADVERTISED_URL", "http://10.0.0.7:18083", "TOPIC_NAMESPACE", "staging",
                "TOPIC_PARTITIONS", "12", "STATE_DIR", "/var/lib/inventory", "INVENTORY_STANDBY_REPLICAS", "0",
                "INVENTORY_STREAM_THREADS", "4", "INVENTORY_COMMIT_INTERVAL", "250ms")));

        assertThat(config.service().httpPort()).isEqualTo(9000);
        assertThat(config.service().applicationServer()).isEqualTo("10.0.0.7:18083");
        assertThat(config.service().topicPartitions()).isEqualTo(12);
        assertThat(config.stateDir()).isEqualTo(Path.of("/var/lib/inventory"));
        assertThat(config.standbyReplicas()).isZero();
        assertThat(config.streamThreads()).isEqualTo(4);
        assertThat(config.commitInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.applicationId()).isEqualTo("staging.inventory-service");
        InventoryTopics topics = InventoryTestTopics.in(config.service().topicNamespace());
        assertThat(topics.applicationId()).isEqualTo(config.applicationId());
        assertThat(topics.orders()).isEqualTo("staging.orders");
        assertThat(topics.lineCommands()).isEqualTo("staging.inventory-service-line-commands");
        assertThat(topics.deadLetter()).isEqualTo("staging.inventory-service.dlq");
    }

    @Test
    void badValuesFailNamingTheVariable() {
        assertFailsNaming(Map.of("INVENTORY_STANDBY_REPLICAS", "-1"), "INVENTORY_STANDBY_REPLICAS");
        assertFailsNaming(Map.of("HTTP_PORT", "http"), "HTTP_PORT");
        assertFailsNaming(Map.of("TOPIC_NAMESPACE", "a/b"), "TOPIC_NAMESPACE");
        assertFailsNaming(Map.of("INVENTORY_COMMIT_INTERVAL", "0s"), "INVENTORY_COMMIT_INTERVAL");
        assertFailsNaming(Map.of("INSTANCE_ID", "a b"), "INSTANCE_ID");
        assertFailsNaming(Map.of("HTTP_ADVERTISED_URL", "inventory-0:8083"), "HTTP_ADVERTISED_URL");
        assertFailsNaming(Map.of("HTTP_ADVERTISED_URL", "http://inventory-0/stock"), "HTTP_ADVERTISED_URL");
        assertThatThrownBy(() -> InventoryConfig.fromEnv(new Env(Map.of())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS");
    }

    private static void assertFailsNaming(Map<String, String> values, String variable) {
        assertThatThrownBy(() -> InventoryConfig.fromEnv(env(values)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.variable()).isEqualTo(variable));
    }

    private static Env env(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(REQUIRED);
        all.putAll(values);
        return new Env(all);
    }
}
