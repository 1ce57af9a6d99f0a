package io.fastship.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.fastship.events.PaymentEvent;
import io.fastship.events.PaymentStatus;
import io.fastship.localstack.LocalStack;
import io.fastship.localstack.process.ServiceKind;
import io.fastship.schemas.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Orders over HTTP through every service, each its own JVM, to their final status and compensation. */
@ExtendWith(SystemStack.class)
class OrderFlowIT {

    private static final Duration FINAL = Duration.ofSeconds(60);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anOrderIsConfirmedOncePaymentIsAuthorizedAndStockReserved(LocalStack stack) {
        Orders orders = orders(stack);

        String orderId = orders.place(Orders.body("flow-happy", "tok_visa", "SKU-0001", 2, 1999));
        JsonNode order = orders.awaitFinal(orderId, FINAL);

        assertThat(order.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(order.path("payment").path("status").asText()).isEqualTo("AUTHORIZED");
        assertThat(order.path("inventory").path("status").asText()).isEqualTo("RESERVED");
        assertThat(order.path("totalMinor").asLong()).isEqualTo(3998);
    }

    @Test
    void aDeclinedPaymentCancelsTheOrderAndReleasesItsStock(LocalStack stack) {
        Orders orders = orders(stack);
        JsonNode before = stock(stack, "SKU-0002");

        String orderId = orders.place(Orders.body("flow-declined", "tok_decline", "SKU-0002", 3, 1999));
        JsonNode order = orders.awaitFinal(orderId, FINAL);

        assertThat(order.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(order.path("cancellationReason").asText()).startsWith("payment declined");
        // Whether inventory reserved first (then released) or saw the cancellation first (then took nothing),
        // the stock ends where it started.
        await().atMost(FINAL).untilAsserted(() -> {
            assertThat(stock(stack, "SKU-0002")).isEqualTo(before);
            assertThat(orders.awaitFinal(orderId, Duration.ofSeconds(1)).path("inventory").path("status").asText())
                    .isIn("RELEASED", "REJECTED");
        });
    }

    @Test
    void anOutOfStockOrderIsCancelledAndItsPaymentRefunded(LocalStack stack) {
        Orders orders = orders(stack);

        // Priced at 1 minor unit, so 5000 units stay under the gateway's limit and fail on stock, not payment.
        assertThat(stack.runTool(ServiceKind.INVENTORY, LocalStack.STOCK_SEEDER,
                java.util.List.of("--sku", "SKU-0003", "--price-minor", "1", "--prices-only"))).isZero();
        String body = Orders.body("flow-out-of-stock", "tok_visa", "SKU-0003", 5000, 1);
        String orderId = await().atMost(FINAL).until(() -> orders.placeUnlessPriceDiffers(body),
                java.util.Optional::isPresent).orElseThrow();
        JsonNode order = orders.awaitFinal(orderId, FINAL);

        assertThat(order.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(order.path("cancellationReason").asText()).startsWith("out of stock").contains("SKU-0003");
        try (var payments = new TopicRecords<>(stack.bootstrapServers(), stack.schemaRegistryUrl(), Topics.PAYMENTS)) {
            await().atMost(FINAL).until(() -> payments.poll().stream()
                    .anyMatch(p -> p.getOrderId().equals(orderId) && p.getStatus() == PaymentStatus.REFUNDED));
            // One charge and one refund: never a second of either.
            var forOrder = payments.poll().stream().filter(p -> p.getOrderId().equals(orderId))
                    .map(PaymentEvent::getStatus).toList();
            assertThat(forOrder).containsExactlyInAnyOrder(PaymentStatus.AUTHORIZED, PaymentStatus.REFUNDED);
        }
    }

    private static Orders orders(LocalStack stack) {
        return new Orders(stack.instances(ServiceKind.ORDER).get(0).baseUrl());
    }

    private JsonNode stock(LocalStack stack, String sku) {
        return Orders.get(http, stack.instances(ServiceKind.INVENTORY).get(0).baseUrl() + "/stock/" + sku);
    }
}
