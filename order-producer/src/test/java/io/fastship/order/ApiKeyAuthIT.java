package io.fastship.order;

import static io.fastship.order.OrderServiceTestSupport.get;
import static io.fastship.order.OrderServiceTestSupport.json;
import static io.fastship.order.OrderServiceTestSupport.orderJson;
import static io.fastship.order.OrderServiceTestSupport.post;
import static io.fastship.order.OrderServiceTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import io.fastship.localstack.junit.KafkaStack;
import io.fastship.localstack.junit.WithKafkaStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With API keys configured: every order endpoint needs a key, and a key reaches only its customer's orders. */
@WithKafkaStack
class ApiKeyAuthIT {

    private static final String ALICE = "key-of-alice-0123456789";
    private static final String BOB = "key-of-bob-0123456789";
    private static final String METRICS = "metrics-key-0123456789";

    private static OrderService service;
    private static String base;
    private static String aliceOrder;

    @BeforeAll
    static void start(KafkaStack stack) throws Exception {
        service = OrderServiceTestSupport.startAndAwaitReady(OrderServiceTestSupport.config(stack.bootstrapServers(),
                stack.schemaRegistryUrl(), stack.uniqueName("order-auth"), Files.createTempDirectory("order-auth"),
                Map.of("ORDER_API_KEYS", ALICE + ":alice," + BOB + ":bob", "ORDER_METRICS_KEY", METRICS,
                        "ORDER_MAX_WAIT", "2s", "ORDER_DEADLINE", "2m")));
        base = service.baseUrl();
        String body = orderJson("alice", "SKU-1", 1, 100).replace("\"customerId\":\"alice\",", "");
        HttpResponse<String> created = post(base + "/orders", body, "X-API-Key", ALICE);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        aliceOrder = json(created).get("orderId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> as(ALICE, "/orders/" + aliceOrder).statusCode() == 200);
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
    }

    private static HttpResponse<String> as(String key, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (path.endsWith("/events")) {
            // Javalin opens an event stream only for clients that accept one.
            request.header("Accept", "text/event-stream");
        }
        return send(request.GET().build());
    }

    @Test
    void shouldRefuseOrdersWithoutAValidKey() {
        HttpResponse<String> none = post(base + "/orders", orderJson("alice", "SKU-1", 1, 100));
        HttpResponse<String> wrong = post(base + "/orders", orderJson("alice", "SKU-1", 1, 100),
                "X-API-Key", "not-a-key-0123456789");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain("not-a-key");
    }

    @Test
    void shouldCreateOrdersOnlyForTheKeysCustomer() {
        HttpResponse<String> forBob = post(base + "/orders", orderJson("bob", "SKU-1", 1, 100), "X-API-Key", ALICE);

        assertThat(forBob.statusCode()).isEqualTo(403);
        assertThat(json(as(ALICE, "/orders/" + aliceOrder)).get("customerId").asText()).isEqualTo("alice");
    }

    @Test
    void shouldAnswerEveryOrderEndpointWith401WithoutAKey() {
        assertThat(as(null, "/orders/" + aliceOrder).statusCode()).isEqualTo(401);
        assertThat(as(null, "/orders/" + aliceOrder + "?waitForFinal=1s").statusCode()).isEqualTo(401);
        assertThat(as(null, "/orders/" + aliceOrder + "/events").statusCode()).isEqualTo(401);
        assertThat(as("wrong-key-0123456789", "/orders/" + aliceOrder).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldAnswerAnotherCustomersOrderLikeAMissingOne() {
        HttpResponse<String> bobGet = as(BOB, "/orders/" + aliceOrder);
        HttpResponse<String> missing = as(BOB, "/orders/00000000-0000-4000-8000-000000000000");
        long start = System.nanoTime();
        HttpResponse<String> bobWait = as(BOB, "/orders/" + aliceOrder + "?waitForFinal=10s");
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        HttpResponse<String> bobEvents = as(BOB, "/orders/" + aliceOrder + "/events");

        assertThat(bobGet.statusCode()).isEqualTo(404);
        assertThat(bobGet.body()).doesNotContain("alice");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(bobWait.statusCode()).isEqualTo(404);
        assertThat(waited).as("refused before waiting").isLessThan(Duration.ofSeconds(5));
        assertThat(bobEvents.statusCode()).isEqualTo(404);
    }

    @Test
    void shouldServeTheOwnerOnEveryOrderEndpoint() {
        assertThat(as(ALICE, "/orders/" + aliceOrder).statusCode()).isEqualTo(200);
        assertThat(as(ALICE, "/orders/" + aliceOrder + "?waitForFinal=1s").statusCode()).isEqualTo(200);
        HttpResponse<String> events = as(ALICE, "/orders/" + aliceOrder + "/events");
        assertThat(events.statusCode()).isEqualTo(200);
        assertThat(events.body()).contains("event:").contains(aliceOrder);
    }

    @Test
    void shouldKeepHealthOpenAndGuardMetricsWithItsOwnKey() {
        assertThat(as(null, "/health").statusCode()).isEqualTo(200);
        assertThat(as(null, "/health/live").statusCode()).isEqualTo(200);
        assertThat(as(null, "/metrics").statusCode()).isEqualTo(401);
        assertThat(as(ALICE, "/metrics").statusCode()).as("a customer key is not the metrics key").isEqualTo(401);
        assertThat(as(METRICS, "/metrics").statusCode()).isEqualTo(200);
    }
}
