package io.fastship.order;

import static io.fastship.order.OrderServiceTestSupport.json;
import static io.fastship.order.OrderServiceTestSupport.orderJson;
import static io.fastship.order.OrderServiceTestSupport.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.fastship.localstack.broker.BrokerConfig;
import io.fastship.localstack.broker.KafkaBroker;
import io.fastship.localstack.junit.KafkaStack;
import io.fastship.localstack.junit.WithKafkaStack;
import org.junit.jupiter.api.Test;

/** With its broker gone, the service refuses orders with 503 in bounded time instead of accepting and losing them. */
@WithKafkaStack
class BrokerDownIT {

    @Test
    void shouldAnswer503WithRetryAfterWhenTheBrokerCannotAcknowledge(KafkaStack stack) throws Exception {
        Path data = Files.createTempDirectory("order-broker-down");
        try (KafkaBroker broker = KafkaBroker.start(BrokerConfig.onFreePorts(data))) {
            OrderServiceConfig config = OrderServiceTestSupport.config(broker.bootstrapServers(),
                    stack.schemaRegistryUrl(), stack.uniqueName("order-down"), Files.createTempDirectory("order-down"),
                    Map.of("ORDER_PUBLISH_TIMEOUT", "2s", "SHUTDOWN_TIMEOUT", "2s"));
            try (OrderService service = OrderServiceTestSupport.startAndAwaitReady(config)) {
                HttpResponse<String> before = post(service.baseUrl() + "/orders", orderJson("c-up", "SKU-1", 1, 100));
                assertThat(before.statusCode()).isEqualTo(202);

                broker.kill();
                long start = System.nanoTime();
                HttpResponse<String> after = post(service.baseUrl() + "/orders", orderJson("c-down", "SKU-1", 1, 100));
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                assertThat(after.statusCode()).isEqualTo(503);
                assertThat(after.headers().firstValue("Retry-After")).hasValue("1");
                assertThat(after.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(json(after).get("detail").asText()).contains("nothing was accepted");
                // Bounded by ORDER_PUBLISH_TIMEOUT (plus the safety margin), not by Kafka's 2-minute default.
                assertThat(took).isLessThan(Duration.ofSeconds(10));
            }
        }
    }
}
