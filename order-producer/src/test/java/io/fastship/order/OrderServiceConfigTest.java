package io.fastship.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.fastship.platform.config.ConfigException;
import io.fastship.platform.config.Env;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OrderServiceConfigTest {

    private static Map<String, String> minimal() {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
        env.put("SCHEMA_REGISTRY_URL", "http://localhost:8081");
        env.put("INSTANCE_ID", "order-1");
        env.put("ORDER_AUTH", "none");
        return env;
    }

    @Test
    void shouldApplyTheDocumentedDefaults() {
        OrderServiceConfig config = OrderServiceConfig.fromEnv(new Env(minimal()));

        assertThat(config.service().httpHost()).isEqualTo("127.0.0.1");
        assertThat(config.service().httpPort()).isEqualTo(8080);
        assertThat(config.service().applicationServer()).isEqualTo("127.0.0.1:8080");
        assertThat(config.applicationId()).isEqualTo("order-service");
        assertThat(config.publishTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.orderDeadline()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.service().topicPartitions()).isEqualTo(6);
        assertThat(config.security().authDisabled()).isTrue();
        assertThat(config.stateDir().toString()).contains("order-1");
    }

    @Test
    void shouldReadEveryServiceVariable() {
        Map<String, String> env = minimal();
        env.put("HTTP_PORT", "9090");
        env.put("HTTP_ADVERTISED_URL", "http://order-2.internal:9090");
        env.put("TOPIC_NAMESPACE", "staging");
        env.put("ORDER_PUBLISH_TIMEOUT", "3s");
        env.put("ORDER_DEADLINE", "PT2M");
        env.remove("ORDER_AUTH");
        env.put("ORDER_API_KEYS", "0123456789abcdef:c-1, fedcba9876543210:c-2");
        env.put("ORDER_ID_SECRET", "s".repeat(32));

        OrderServiceConfig config = OrderServiceConfig.fromEnv(new Env(env));

        assertThat(config.service().applicationServer()).isEqualTo("order-2.internal:9090");
        assertThat(config.applicationId()).isEqualTo("staging.order-service");
        assertThat(config.publishTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.orderDeadline()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.security().apiKeys().customerOf("fedcba9876543210")).contains("c-2");
        assertThat(config.service().withHttpPort(1234).applicationServer()).isEqualTo("order-2.internal:9090");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "HTTP_PORT, 70000",
            "HTTP_ADVERTISED_URL, order-2:8080",
            "HTTP_ADVERTISED_URL, http://order-2",
            "HTTP_ADVERTISED_URL, http://order-2:8080/api",
            "TOPIC_NAMESPACE, has space",
            "ORDER_PUBLISH_TIMEOUT, soon",
            "ORDER_PUBLISH_TIMEOUT, 500ms",
            "ORDER_DEADLINE, 0s",
            "ORDER_API_KEYS, short",
            "STREAMS_STANDBY_REPLICAS, -1",
            "KAFKA_BOOTSTRAP_SERVERS, not a host"})
    void shouldFailFastNamingTheBadVariable(String variable, String value) {
        Map<String, String> env = minimal();
        env.put(variable, value);

        assertThatThrownBy(() -> OrderServiceConfig.fromEnv(new Env(env)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(variable);
    }

    @Test
    void shouldRequireTheKafkaVariables() {
        Map<String, String> env = minimal();
        env.remove("SCHEMA_REGISTRY_URL");

        assertThatThrownBy(() -> OrderServiceConfig.fromEnv(new Env(env))).hasMessageStartingWith("SCHEMA_REGISTRY_URL");
    }
}
