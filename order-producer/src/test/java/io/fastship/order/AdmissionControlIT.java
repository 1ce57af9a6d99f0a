package io.fastship.order;

import static io.fastship.order.OrderServiceTestSupport.decide;
import static io.fastship.order.OrderServiceTestSupport.json;
import static io.fastship.order.OrderServiceTestSupport.orderJson;
import static io.fastship.order.OrderServiceTestSupport.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fastship.events.InventoryStatus;
import io.fastship.events.OrderCreated;
import io.fastship.events.PaymentStatus;
import io.fastship.localstack.junit.KafkaStack;
import io.fastship.localstack.junit.WithKafkaStack;
import io.fastship.schemas.Topics;
import org.junit.jupiter.api.Test;

/** A new order is refused while too many accepted ones are unfinished, and admitted again once one finishes. */
@WithKafkaStack
class AdmissionControlIT {

    @Test
    void shouldRefuseNewOrdersWhileTheOpenOnesAreAtTheBoundAndAdmitOnceOneIsFinal(KafkaStack stack) throws Exception {
        String namespace = stack.uniqueName("order-admission");
        // Nothing but this test finishes orders here (no payment or inventory service): three stay open.
        try (OrderService service = OrderServiceTestSupport.startAndAwaitReady(OrderServiceTestSupport.config(
                stack.bootstrapServers(), stack.schemaRegistryUrl(), namespace, Files.createTempDirectory("order-adm"),
                Map.of("ORDER_MAX_OPEN", "3", "ORDER_DEADLINE", "2m")))) {
            String orders = service.baseUrl() + "/orders";
            List<String> accepted = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> response = post(orders, orderJson("c-adm", "SKU-1", 1, 100));
                assertThat(response.statusCode()).isEqualTo(202);
                accepted.add(json(response).get("orderId").asText());
            }

            HttpResponse<String> refused = post(orders, orderJson("c-adm", "SKU-1", 1, 100));

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(json(refused).get("type").asText()).endsWith("overloaded");

            decide(stack, namespace, accepted.get(0), PaymentStatus.AUTHORIZED, InventoryStatus.RESERVED);
            // The saga confirms it; once the committed CONFIRMED is read, there is room for one more.
            String admitted = await().atMost(Duration.ofSeconds(30)).until(() -> {
                HttpResponse<String> retry = post(orders, orderJson("c-adm", "SKU-1", 1, 100));
                return retry.statusCode() == 202 ? json(retry).get("orderId").asText() : null;
            }, id -> id != null);

            accepted.add(admitted);
            List<String> published = OrderServiceTestSupport.<OrderCreated>readAll(stack,
                    Topics.ORDERS.inNamespace(namespace).name()).stream().map(record -> record.value().getOrderId())
                    .toList();
            assertThat(published).containsExactlyInAnyOrderElementsOf(accepted);
        }
    }
}
