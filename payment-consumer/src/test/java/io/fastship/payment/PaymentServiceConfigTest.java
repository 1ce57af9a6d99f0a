package io.fastship.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.fastship.platform.config.ConfigException;
import io.fastship.platform.config.Env;
import io.fastship.platform.processing.TaskGrouping;
import org.junit.jupiter.api.Test;

class PaymentServiceConfigTest {

    private static Map<String, String> minimal() {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
        env.put("SCHEMA_REGISTRY_URL", "http://localhost:8081");
        return env;
    }

    private static PaymentServiceConfig parse(Map<String, String> env) {
        return PaymentServiceConfig.fromEnv(new Env(env));
    }

    @Test
    void appliesDefaults() {
        PaymentServiceConfig config = parse(minimal());

        assertThat(config.service().httpPort()).isEqualTo(8082);
        assertThat(config.service().httpHost()).isEqualTo("127.0.0.1");
        assertThat(config.groupProtocol()).isEqualTo("consumer");
        assertThat(config.gatewayUrl()).hasToString("http://127.0.0.1:8084");
        assertThat(config.gatewayTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.maxPollInterval()).isGreaterThan(config.restoreTimeout());
        assertThat(config.restoreTimeout()).isGreaterThan(config.transactionTimeout());
        assertThat(config.service().topicNamespace()).isEmpty();
        assertThat(config.service().topicPartitions()).isEqualTo(6);
        assertThat(config.taskGrouping()).isEqualTo(TaskGrouping.PER_KEY);
        assertThat(config.processingThreads()).isEqualTo(32);
        assertThat(config.fetchMaxWait()).isEqualTo(Duration.ofMillis(100));
        // Stable across restarts (no pid), so a restarted instance fences its predecessor's transactions.
        assertThat(config.service().instanceId()).isEqualTo(parse(minimal()).service().instanceId())
                .doesNotContain(Long.toString(ProcessHandle.current().pid()));
        assertThat(config.transactionTimeout()).isGreaterThan(config.batchTimeout());
        assertThat(config.maxPollInterval()).isGreaterThan(config.batchTimeout());
    }

    @Test
    void readsEveryVariable() {
        Map<String, String> env = minimal();
        env.put("HTTP_PORT", "9000");
        env.put("TOPIC_NAMESPACE", "staging");
        env.put("INSTANCE_ID", "pay-0");
        env.put("PAYMENT_GROUP_PROTOCOL", "CLASSIC");
        env.put("PAYMENT_GATEWAY_URL", "http://gateway:8084");
        env.put("PAYMENT_GATEWAY_TIMEOUT", "1500ms");
        env.put("PAYMENT_RETRY_INITIAL_BACKOFF", "50ms");
        env.put("PAYMENT_RETRY_MAX_BACKOFF", "1s");
        env.put("PAYMENT_RETRY_BUDGET", "3s");
        env.put("PAYMENT_PROCESSING_THREADS", "8");
        env.put("PAYMENT_TASK_GROUPING", "Partition");
        env.put("PAYMENT_FETCH_MAX_WAIT", "50ms");

        PaymentServiceConfig config = parse(env);

        assertThat(config.service().httpPort()).isEqualTo(9000);
        assertThat(config.groupProtocol()).isEqualTo("classic");
        assertThat(config.gatewayUrl()).hasToString("http://gateway:8084");
        assertThat(config.gatewayTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.retryBackoff().delay(1)).isEqualTo(Duration.ofMillis(50));
        assertThat(config.retryBackoff().delay(10)).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.retryBudget()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.processingThreads()).isEqualTo(8);
        assertThat(config.taskGrouping()).isEqualTo(TaskGrouping.PER_PARTITION_NUMBER);
        assertThat(config.transactionalId()).isEqualTo("staging.payment-service-pay-0");
        assertThat(config.fetchMaxWait()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void refusesAFetchWaitLongerThanThePoll() {
        Map<String, String> env = minimal();
        env.put("PAYMENT_FETCH_MAX_WAIT", "2s");

        assertThatThrownBy(() -> parse(env)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("PAYMENT_FETCH_MAX_WAIT");
    }

    @Test
    void namesTheVariableOnBadInput() {
        assertError("PAYMENT_GATEWAY_URL", "ftp://gateway");
        assertError("PAYMENT_GATEWAY_TIMEOUT", "0s");
        assertError("PAYMENT_GROUP_PROTOCOL", "eager");
        assertError("PAYMENT_TASK_GROUPING", "topic");
        assertError("PAYMENT_RETRY_BUDGET", "soon");
        assertError("INSTANCE_ID", "has space");
        assertError("HTTP_PORT", "70000");
        Map<String, String> env = minimal();
        env.remove("KAFKA_BOOTSTRAP_SERVERS");
        assertThatThrownBy(() -> parse(env)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void rejectsATransactionTimeoutShorterThanABatch() {
        assertError("PAYMENT_TRANSACTION_TIMEOUT", "5s");
        Map<String, String> env = minimal();
        env.put("PAYMENT_RETRY_INITIAL_BACKOFF", "2s");
        env.put("PAYMENT_RETRY_MAX_BACKOFF", "1s");
        assertThatThrownBy(() -> parse(env)).hasMessageStartingWith("PAYMENT_RETRY_MAX_BACKOFF");
    }

    private static void assertError(String variable, String value) {
        Map<String, String> env = minimal();
        env.put(variable, value);
        assertThatThrownBy(() -> parse(env)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).variable()).isEqualTo(variable));
    }
}
