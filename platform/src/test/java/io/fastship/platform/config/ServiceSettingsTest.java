package io.fastship.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.fastship.schemas.TopicSettings;
import org.junit.jupiter.api.Test;

class ServiceSettingsTest {

    private static Map<String, String> minimal() {
        Map<String, String> env = new HashMap<>();
        env.put(KafkaConnection.BOOTSTRAP, "localhost:9092");
        env.put(KafkaConnection.REGISTRY, "http://localhost:8081");
        return env;
    }

    private static ServiceSettings parse(Map<String, String> extra) {
        Map<String, String> env = minimal();
        env.putAll(extra);
        return ServiceSettings.fromEnv(new Env(env), 8080);
    }

    @Test
    void shouldApplyTheDefaults() {
        ServiceSettings settings = parse(Map.of());

        assertThat(settings.httpHost()).isEqualTo("127.0.0.1");
        assertThat(settings.httpPort()).isEqualTo(8080);
        assertThat(settings.applicationServer()).isEqualTo("127.0.0.1:8080");
        assertThat(settings.topicNamespace()).isEmpty();
        assertThat(settings.topicPartitions()).isEqualTo(TopicSettings.DEFAULT_PARTITIONS);
        assertThat(settings.shutdownTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.applicationId("payment-service")).isEqualTo("payment-service");
    }

    @Test
    void shouldDefaultTheInstanceIdToSomethingStableAcrossRestarts() {
        String first = parse(Map.of()).instanceId();

        assertThat(first).isEqualTo(ServiceSettings.defaultInstanceId()).matches("[a-zA-Z0-9._-]{1,100}");
        assertThat(first).doesNotContain(Long.toString(ProcessHandle.current().pid()));
    }

    @Test
    void shouldReadEveryCommonVariable() {
        ServiceSettings settings = parse(Map.of("HTTP_HOST", "0.0.0.0", "HTTP_PORT", "9000",
                "HTTP_ADVERTISED_URL", "http://order-2.internal:8080", "TOPIC_NAMESPACE", "staging",
                "TOPIC_PARTITIONS", "12", "INSTANCE_ID", "order-2", "SHUTDOWN_TIMEOUT", "5s"));

        assertThat(settings.httpPort()).isEqualTo(9000);
        assertThat(settings.advertisedUrl()).hasToString("http://order-2.internal:8080");
        assertThat(settings.topicPartitions()).isEqualTo(12);
        assertThat(settings.instanceId()).isEqualTo("order-2");
        assertThat(settings.shutdownTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.applicationId("order-service")).isEqualTo("staging.order-service");
    }

    @Test
    void shouldLetTheAdvertisedPortFollowAPickedPortUnlessAUrlWasGiven() {
        assertThat(parse(Map.of("HTTP_PORT", "0")).withHttpPort(4321).applicationServer())
                .isEqualTo("127.0.0.1:4321");
        assertThat(parse(Map.of("HTTP_PORT", "0", "HTTP_ADVERTISED_URL", "http://lb:80")).withHttpPort(4321)
                .applicationServer()).isEqualTo("lb:80");
    }

    @Test
    void shouldNameTheBadVariable() {
        assertFailsNaming(Map.of("TOPIC_NAMESPACE", "no spaces"), "TOPIC_NAMESPACE");
        assertFailsNaming(Map.of("TOPIC_PARTITIONS", "0"), "TOPIC_PARTITIONS");
        assertFailsNaming(Map.of("INSTANCE_ID", "a b"), "INSTANCE_ID");
        assertFailsNaming(Map.of("HTTP_PORT", "70000"), "HTTP_PORT");
        assertFailsNaming(Map.of("HTTP_ADVERTISED_URL", "http://no-port"), "HTTP_ADVERTISED_URL");
        assertFailsNaming(Map.of("HTTP_ADVERTISED_URL", "http://host:80/path"), "HTTP_ADVERTISED_URL");
        assertFailsNaming(Map.of("SHUTDOWN_TIMEOUT", "0s"), "SHUTDOWN_TIMEOUT");
        assertFailsNaming(Map.of(KafkaConnection.BOOTSTRAP, ""), KafkaConnection.BOOTSTRAP);
    }

    private static void assertFailsNaming(Map<String, String> extra, String variable) {
        assertThatThrownBy(() -> parse(extra)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(variable);
    }

    @Test
    void shouldKeepPerOrderStateAsLongAsTheOrderTopicsByDefault() {
        assertThat(parse(Map.of()).stateRetention()).isEqualTo(TopicSettings.events().retention());
    }

    @Test
    void shouldReadTheStateRetention() {
        assertThat(parse(Map.of(ServiceSettings.STATE_RETENTION, "5m")).stateRetention())
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(parse(Map.of(ServiceSettings.STATE_RETENTION, "PT2M")).stateRetention())
                .isEqualTo(ServiceSettings.LATE_EVENT_BOUND);
    }

    @Test
    void shouldRefuseAStateRetentionShorterThanALateEventCanArrive() {
        assertThatThrownBy(() -> parse(Map.of(ServiceSettings.STATE_RETENTION, "119s")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(ServiceSettings.STATE_RETENTION)
                .hasMessageContaining("late");
    }
}
