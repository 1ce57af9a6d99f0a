package io.fastship.order;

import static io.fastship.order.OrderServiceTestSupport.decide;
import static io.fastship.order.OrderServiceTestSupport.get;
import static io.fastship.order.OrderServiceTestSupport.json;
import static io.fastship.order.OrderServiceTestSupport.orderJson;
import static io.fastship.order.OrderServiceTestSupport.post;
import static io.fastship.order.OrderServiceTestSupport.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.fastship.events.InventoryStatus;
import io.fastship.events.OrderCreated;
import io.fastship.events.OrderStatus;
import io.fastship.events.OrderStatusChanged;
import io.fastship.events.PaymentStatus;
import io.fastship.localstack.junit.KafkaStack;
import io.fastship.localstack.junit.WithKafkaStack;
import io.fastship.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One order service on the real broker: intake, idempotency, read model, waiting, events, health and metrics. */
@WithKafkaStack
class OrderServiceIT {

    private static String namespace;
    private static OrderService service;
    private static String base;

    @BeforeAll
    static void startService(KafkaStack stack) throws Exception {
        namespace = stack.uniqueName("order-it");
        Path stateDir = Files.createTempDirectory("order-it-state");
        service = OrderServiceTestSupport.startAndAwaitReady(OrderServiceTestSupport.config(stack.bootstrapServers(),
                stack.schemaRegistryUrl(), namespace, stateDir, Map.of("ORDER_DEADLINE", "2m")));
        base = service.baseUrl();
    }

    @AfterAll
    static void stopService() throws Exception {
        if (service != null) {
            service.close();
        }
    }

    private static String ordersTopic() {
        return Topics.ORDERS.inNamespace(namespace).name();
    }

    @Test
    void shouldAcceptAValidOrderAfterTheBrokerAcknowledgedExactlyOneOrderCreated(KafkaStack stack) {
        String customer = "c-" + UUID.randomUUID();

        HttpResponse<String> response = post(base + "/orders", orderJson(customer, "SKU-7", 3, 1999));

        assertThat(response.statusCode()).isEqualTo(202);
        String orderId = json(response).get("orderId").asText();
        assertThat(json(response).get("status").asText()).isEqualTo("PENDING");
        assertThat(response.headers().firstValue("Location")).hasValue("/orders/" + orderId);
        List<ConsumerRecord<String, OrderCreated>> created = OrderServiceTestSupport.<OrderCreated>readAll(stack,
                ordersTopic()).stream().filter(r -> r.value().getCustomerId().equals(customer)).toList();
        assertThat(created).hasSize(1);
        assertThat(created.get(0).key()).isEqualTo(orderId);
        OrderCreated event = created.get(0).value();
        assertThat(event.getOrderId()).isEqualTo(orderId);
        assertThat(event.getTotalMinor()).isEqualTo(3 * 1999);
        assertThat(event.getCurrency()).isEqualTo("EUR");
        assertThat(event.getItems()).hasSize(1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> view = get(base + "/orders/" + orderId);
            assertThat(view.statusCode()).isEqualTo(200);
            assertThat(json(view).get("status").asText()).isEqualTo("PENDING");
            assertThat(json(view).get("totalMinor").asLong()).isEqualTo(5997);
            assertThat(json(view).get("createdAt").asText()).isNotBlank();
        });
    }

    static Stream<Arguments> invalidRequests() {
        String customer = "invalid-" + UUID.randomUUID();
        return Stream.of(
                Arguments.of("zero quantity", "application/json", orderJson(customer, "SKU-1", 0, 100), 400,
                        "/items/0/quantity"),
                Arguments.of("unknown field", "application/json",
                        orderJson(customer, "SKU-1", 1, 100).replace("}]", ",\"gift\":true}]"), 400, "/items/0/gift"),
                Arguments.of("bad currency", "application/json",
                        orderJson(customer, "SKU-1", 1, 100).replace("EUR", "EURO"), 400, "/currency"),
                Arguments.of("malformed JSON", "application/json", "{\"customerId\":", 400, ""),
                Arguments.of("not JSON", "text/plain", orderJson(customer, "SKU-1", 1, 100), 415, null),
                Arguments.of("over 64 KiB", "application/json",
                        orderJson(customer, "SKU-1", 1, 100).replace("tok-visa", "t".repeat(70_000)), 413, null));
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("invalidRequests")
    void shouldRefuseInvalidInputWithAProblemAndPublishNothing(String name, String contentType, String body,
                                                              int status, String pointer, KafkaStack stack) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/orders"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build());

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        if (pointer != null) {
            List<String> pointers = new ArrayList<>();
            problem.get("errors").forEach(error -> pointers.add(error.get("pointer").asText()));
            assertThat(pointers).contains(pointer);
        }
        assertThat(OrderServiceTestSupport.<OrderCreated>readAll(stack, ordersTopic()))
                .noneMatch(r -> r.value().getCustomerId().startsWith("invalid-"));
    }

    @Test
    void shouldPriceFromTheCatalogWhenTheClientSendsNoPrice(KafkaStack stack) {
        String customer = "c-" + UUID.randomUUID();
        String body = "{\"customerId\":\"" + customer + "\",\"currency\":\"EUR\",\"paymentToken\":\"tok\","
                + "\"items\":[{\"sku\":\"SKU-7\",\"quantity\":2},{\"sku\":\"SKU-2\",\"quantity\":1}]}";

        HttpResponse<String> response = post(base + "/orders", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        OrderCreated event = OrderServiceTestSupport.<OrderCreated>readAll(stack, ordersTopic()).stream()
                .filter(r -> r.value().getCustomerId().equals(customer)).findFirst().orElseThrow().value();
        assertThat(event.getTotalMinor()).isEqualTo(2 * 1999 + 500);
        assertThat(event.getItems()).extracting(item -> item.getUnitPriceMinor()).containsExactly(1999L, 500L);
    }

    @Test
    void shouldRefuseAPriceThatIsNotTheCatalogsWith409NamingTheLineAndTheCurrentPrice(KafkaStack stack) {
        String customer = "free-" + UUID.randomUUID();

        HttpResponse<String> response = post(base + "/orders", orderJson(customer, "SKU-7", 500, 0));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("errors").get(0).get("pointer").asText()).isEqualTo("/items/0/unitPrice");
        assertThat(problem.get("currentPrices").get(0).get("unitPrice").asLong()).isEqualTo(1999);
        assertThat(problem.get("currentPrices").get(0).get("currency").asText()).isEqualTo("EUR");
        assertThat(OrderServiceTestSupport.<OrderCreated>readAll(stack, ordersTopic()))
                .noneMatch(r -> r.value().getCustomerId().equals(customer));
    }

    @Test
    void shouldRefuseAnUnknownSkuOrAnotherCurrencyWith422AtIntakeAndPublishNothing(KafkaStack stack) {
        String customer = "unknown-" + UUID.randomUUID();

        HttpResponse<String> unknown = post(base + "/orders", orderJson(customer, "SKU-NOT-SOLD", 1, 100));
        HttpResponse<String> dollars = post(base + "/orders", orderJson(customer, "SKU-1", 1, 100)
                .replace("EUR", "USD"));

        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(json(unknown).get("errors").get(0).get("pointer").asText()).isEqualTo("/items/0/sku");
        assertThat(dollars.statusCode()).isEqualTo(422);
        assertThat(json(dollars).get("errors").get(0).get("detail").asText()).contains("EUR");
        assertThat(OrderServiceTestSupport.<OrderCreated>readAll(stack, ordersTopic()))
                .noneMatch(r -> r.value().getCustomerId().equals(customer));
    }

    @Test
    void shouldReportTheLoadedCatalogInItsReadiness() {
        HttpResponse<String> health = get(base + "/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("catalog").contains(OrderServiceTestSupport.TEST_CATALOG.size() + " SKUs");
    }

    @Test
    void shouldAnswerAReplayedIdempotencyKeyWithTheSameOrderAndPublishOnce(KafkaStack stack) {
        String customer = "c-" + UUID.randomUUID();
        String body = orderJson(customer, "SKU-2", 1, 500);

        HttpResponse<String> first = post(base + "/orders", body, "Idempotency-Key", "key-1");
        String orderId = json(first).get("orderId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> get(base + "/orders/" + orderId).statusCode() == 200);
        HttpResponse<String> replay = post(base + "/orders", body, "Idempotency-Key", "key-1");
        HttpResponse<String> conflicting = post(base + "/orders", orderJson(customer, "SKU-2", 2, 500),
                "Idempotency-Key", "key-1");

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(json(replay).get("orderId").asText()).isEqualTo(orderId);
        assertThat(replay.headers().firstValue("Location")).hasValue("/orders/" + orderId);
        assertThat(conflicting.statusCode()).isEqualTo(422);
        assertThat(OrderServiceTestSupport.<OrderCreated>readAll(stack, ordersTopic()))
                .filteredOn(r -> r.key().equals(orderId)).hasSize(1);
    }

    @Test
    void shouldHoldAWaitingRequestUntilTheOrderIsConfirmed(KafkaStack stack) {
        String orderId = json(post(base + "/orders", orderJson("c-wait", "SKU-3", 1, 100))).get("orderId").asText();
        CompletableFuture<HttpResponse<String>> waiting = OrderServiceTestSupport.HTTP.sendAsync(
                HttpRequest.newBuilder(URI.create(base + "/orders/" + orderId + "?waitForFinal=30s")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(20)).until(() -> service.activeWatchers() >= 1);

        decide(stack, namespace, orderId, PaymentStatus.AUTHORIZED, InventoryStatus.RESERVED);

        HttpResponse<String> response = waiting.orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode order = json(response);
        assertThat(order.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(order.get("payment").get("status").asText()).isEqualTo("AUTHORIZED");
        assertThat(order.get("inventory").get("status").asText()).isEqualTo("RESERVED");
        assertThat(order.get("finalAt").asText()).isNotBlank();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                OrderServiceTestSupport.<OrderStatusChanged>readAll(stack,
                        Topics.ORDER_STATUS.inNamespace(namespace).name()))
                .filteredOn(r -> r.key().equals(orderId))
                .extracting(r -> r.value().getStatus())
                .containsExactly(OrderStatus.PENDING, OrderStatus.CONFIRMED));
    }

    @Test
    void shouldAnswerWithTheCurrentStatusWhenTheWaitEndsAndLeaveNoWaiterBehind() {
        String orderId = json(post(base + "/orders", orderJson("c-timeout", "SKU-4", 1, 100))).get("orderId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> get(base + "/orders/" + orderId).statusCode() == 200);
        CompletableFuture<HttpResponse<String>> waiting = OrderServiceTestSupport.HTTP.sendAsync(
                HttpRequest.newBuilder(URI.create(base + "/orders/" + orderId + "?waitForFinal=1500ms")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(10)).until(() -> service.activeWatchers() >= 1);

        HttpResponse<String> response = waiting.orTimeout(20, java.util.concurrent.TimeUnit.SECONDS).join();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("status").asText()).isEqualTo("PENDING");
        await().atMost(Duration.ofSeconds(5)).until(() -> service.activeWatchers() == 0);
        assertThat(service.scrapeMetrics()).containsPattern("fastship_order_waiters\\{[^}]*\\} 0\\.0");
    }

    @Test
    void shouldStreamStatusChangesAsServerSentEvents(KafkaStack stack) {
        String orderId = json(post(base + "/orders", orderJson("c-sse", "SKU-5", 1, 100))).get("orderId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> get(base + "/orders/" + orderId).statusCode() == 200);
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Void>> stream = OrderServiceTestSupport.HTTP.sendAsync(
                HttpRequest.newBuilder(URI.create(base + "/orders/" + orderId + "/events"))
                        .header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines()).thenApply(response -> {
                    response.body().forEach(lines::add);
                    return null;
                });
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(l -> l.contains("PENDING")));

        decide(stack, namespace, orderId, PaymentStatus.DECLINED, null);

        stream.orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        assertThat(lines).filteredOn(l -> l.startsWith("event:")).allMatch(l -> l.contains("status"));
        List<String> data = lines.stream().filter(l -> l.startsWith("data:")).toList();
        assertThat(data).hasSize(2);
        assertThat(data.get(0)).contains("\"status\":\"PENDING\"");
        assertThat(data.get(1)).contains("\"status\":\"CANCELLED\"").contains("payment declined");
        await().atMost(Duration.ofSeconds(5)).until(() -> service.activeWatchers() == 0);
    }

    @Test
    void shouldAnswerAnUnknownOrderWith404Problem() {
        HttpResponse<String> response = get(base + "/orders/" + UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("never existed").contains("expired");
        assertThat(get(base + "/orders/x?waitForFinal=banana").statusCode()).isEqualTo(400);
    }

    @Test
    void shouldReportHealthAndPrometheusMetrics() {
        post(base + "/orders", orderJson("c-metrics", "SKU-6", 1, 100));

        HttpResponse<String> health = get(base + "/health");
        String metrics = get(base + "/metrics").body();

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).get("components").get("kafka").get("status").asText()).isEqualTo("UP");
        assertThat(json(health).get("components").get("streams").get("detail").asText()).isEqualTo("RUNNING");
        assertThat(metrics).contains("fastship_http_server_requests_seconds_count{")
                .contains("route=\"/orders\"")
                .contains("fastship_orders_accepted_total")
                .contains("fastship_order_waiters")
                .contains("kafka_producer_record_send_total")
                .contains("kafka_stream_")
                .containsPattern("fastship_state_entries\\{[^}]*store=\"order-views\"")
                .containsPattern("fastship_state_entries\\{[^}]*store=\"order-expiry\"");
    }

    private static HttpResponse<String> send(HttpRequest request) {
        return OrderServiceTestSupport.send(request);
    }
}
