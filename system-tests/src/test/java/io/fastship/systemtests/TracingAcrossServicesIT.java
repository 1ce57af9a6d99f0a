package io.fastship.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fastship.events.LineItem;
import io.fastship.events.OrderCreated;
import io.fastship.inventory.InventoryConfig;
import io.fastship.inventory.InventoryService;
import io.fastship.inventory.stock.StockSeeder;
import io.fastship.localstack.junit.KafkaStack;
import io.fastship.localstack.junit.WithKafkaStack;
import io.fastship.order.OrderService;
import io.fastship.order.OrderServiceConfig;
import io.fastship.payment.PaymentService;
import io.fastship.payment.PaymentServiceConfig;
import io.fastship.platform.config.Env;
import io.fastship.platform.config.KafkaConnection;
import io.fastship.platform.kafka.KafkaClients;
import io.fastship.platform.tracing.MessagingAttributes;
import io.fastship.platform.tracing.Tracing;
import io.fastship.schemas.Topics;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three services in one JVM on the shared broker, one namespace, one in-memory span exporter: an order placed
 * over HTTP is one trace from {@code POST /orders} through payment, inventory (its internal line topics included)
 * and the saga's status events, with every span's parent in that trace; and the metrics endpoints move.
 */
@WithKafkaStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TracingAcrossServicesIT {

    private static final String SKU = "SKU-TRACE";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter))
                    .build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
    /** Exit statuses a service asked for under the runtime's failure policy (none in a passing run). */
    private final List<Integer> exits = new CopyOnWriteArrayList<>();
    private KafkaStack stack;
    private String namespace;
    private InventoryService inventory;
    private PaymentService payment;
    private io.fastship.gateway.GatewayServer gateway;
    private OrderService order;

    @BeforeAll
    void startServices(KafkaStack kafka, @TempDir Path stateDir) throws Exception {
        stack = kafka;
        namespace = stack.uniqueName("trace");
        Map<String, String> env = new HashMap<>();
        env.put(KafkaConnection.BOOTSTRAP, stack.bootstrapServers());
        env.put(KafkaConnection.REGISTRY, stack.schemaRegistryUrl());
        env.put("TOPIC_NAMESPACE", namespace);
        env.put("HTTP_PORT", "0");
        Map<String, String> orderEnv = new HashMap<>(env);
        orderEnv.put("INSTANCE_ID", "trace-order");
        orderEnv.put("STATE_DIR", Files.createDirectories(stateDir.resolve("order")).toString());
        orderEnv.put("STREAMS_STANDBY_REPLICAS", "0");
        orderEnv.put("SHUTDOWN_TIMEOUT", "5s");
        orderEnv.put("ORDER_AUTH", "none");
        // The order service prices lines from the catalog and is ready only once it has read it.
        io.fastship.inventory.stock.CatalogWriter.write(KafkaConnection.of(stack.bootstrapServers(),
                stack.schemaRegistryUrl()), namespace, 6, java.util.List.of(SKU), 1_50, "EUR");
        order = OrderService.start(OrderServiceConfig.fromEnv(new Env(orderEnv)), Tracing.of(sdk), exits::add);
        // The order service creates every shared topic; the others start once they are settled in the cluster.
        await().atMost(WAIT).until(() -> get(order.baseUrl() + "/health").statusCode() == 200);
        Map<String, String> inventoryEnv = new HashMap<>(env);
        inventoryEnv.put("INSTANCE_ID", "trace-inventory");
        inventoryEnv.put("STATE_DIR", Files.createDirectories(stateDir.resolve("inventory")).toString());
        inventoryEnv.put("INVENTORY_STANDBY_REPLICAS", "0");
        inventory = InventoryService.start(InventoryConfig.fromEnv(new Env(inventoryEnv)), Tracing.of(sdk),
                exits::add);
        StockSeeder.seed(KafkaConnection.of(stack.bootstrapServers(), stack.schemaRegistryUrl()), namespace, 6,
                Map.of(SKU, 100L));
        Map<String, String> paymentEnv = new HashMap<>(env);
        paymentEnv.put("INSTANCE_ID", "trace-payment");
        paymentEnv.put("STATE_DIR", Files.createDirectories(stateDir.resolve("payment")).toString());
        paymentEnv.put("PAYMENT_BATCH_DEADLINE", "2s");
        paymentEnv.put("PAYMENT_RETRY_BUDGET", "2s");
        paymentEnv.put("PAYMENT_TRANSACTION_TIMEOUT", "15s");
        gateway = io.fastship.gateway.GatewayServer.start(new io.fastship.gateway.GatewaySettings("127.0.0.1", 0,
                Duration.ZERO, 0.0, java.util.Set.of(), 1_000_000, Duration.ofSeconds(5), java.util.Optional.empty()));
        paymentEnv.put("PAYMENT_GATEWAY_URL", gateway.url());
        PaymentServiceConfig paymentConfig = PaymentServiceConfig.fromEnv(new Env(paymentEnv));
        payment = PaymentService.start(paymentConfig, PaymentService.httpGateway(paymentConfig), Tracing.of(sdk),
                exits::add);
        await().atMost(WAIT).until(() -> get(order.baseUrl() + "/health").statusCode() == 200
                && get(base(payment.httpPort()) + "/health").statusCode() == 200
                && get(base(inventory.httpPort()) + "/health").statusCode() == 200);
    }

    @AfterAll
    void stopServices() throws Exception {
        try (io.fastship.gateway.GatewayServer g = gateway; OrderService o = order; PaymentService p = payment;
             InventoryService i = inventory) {
            sdk.close();
        }
        assertThat(exits).as("no service hit the fatal failure policy").isEmpty();
    }

    @Test
    void anOrderPlacedOverHttpIsOneTraceAcrossAllThreeServices() {
        Map<String, String> before = scrapeAll();

        var created = post(order.baseUrl() + "/orders", orderJson("c-trace", SKU, 2, 1_50));
        assertThat(created.statusCode()).isEqualTo(202);
        String orderId = json(created).get("orderId").asText();
        var decided = get(order.baseUrl() + "/orders/" + orderId + "?waitForFinal=60s");
        assertThat(json(decided).get("status").asText()).isEqualTo("CONFIRMED");

        SpanData root = await().atMost(WAIT).until(() -> span(s -> s.getName().equals("POST /orders")
                && orderId.equals(s.getAttributes().get(MessagingAttributes.ORDER_ID))), s -> s != null);
        String traceId = root.getTraceId();
        String ns = namespace + ".";
        // The saga emits CONFIRMED once both outcomes are in; payment and inventory then read it too.
        List<String> expected = List.of("send " + ns + "orders",
                "process " + ns + "orders@" + ns + "payment-service", "send " + ns + "payments",
                "process " + ns + "orders@" + ns + "inventory-service", "send " + ns + "inventory-service-line-commands",
                "process " + ns + "inventory-service-line-commands@" + ns + "inventory-service",
                "send " + ns + "inventory-service-line-results",
                "process " + ns + "inventory-service-line-results@" + ns + "inventory-service",
                "send " + ns + "inventory", "process " + ns + "orders@" + ns + "order-service",
                "process " + ns + "payments@" + ns + "order-service",
                "process " + ns + "inventory@" + ns + "order-service", "send " + ns + "order-status",
                "process " + ns + "order-status@" + ns + "payment-service",
                "process " + ns + "order-status@" + ns + "inventory-service");
        List<SpanData> trace = await().atMost(WAIT).until(() -> spansOf(traceId),
                spans -> names(spans).containsAll(expected));

        assertThat(root.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(root.getParentSpanContext().isValid()).isFalse();
        Set<String> ids = trace.stream().map(SpanData::getSpanId).collect(Collectors.toSet());
        assertThat(trace).allSatisfy(span -> {
            if (span != root) {
                assertThat(ids).as("parent of %s is in the trace", span.getName()).contains(span.getParentSpanId());
            }
        });
        SpanData send = one(trace, "send " + ns + "orders");
        assertThat(send.getParentSpanId()).isEqualTo(root.getSpanId());
        assertThat(send.getKind()).isEqualTo(SpanKind.PRODUCER);
        for (String service : List.of("payment-service", "inventory-service", "order-service")) {
            SpanData process = one(trace, "process " + ns + "orders@" + ns + service);
            assertThat(process.getParentSpanId()).as(service).isEqualTo(send.getSpanId());
            assertThat(process.getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(process.getAttributes().get(MessagingAttributes.ORDER_ID)).isEqualTo(orderId);
            assertThat(process.getAttributes().get(MessagingAttributes.OFFSET)).isNotNull();
        }
        SpanData paymentEvent = one(trace, "send " + ns + "payments");
        assertThat(paymentEvent.getParentSpanId())
                .isEqualTo(one(trace, "process " + ns + "orders@" + ns + "payment-service").getSpanId());
        assertThat(one(trace, "process " + ns + "payments@" + ns + "order-service").getParentSpanId())
                .isEqualTo(paymentEvent.getSpanId());
        // PENDING is emitted while processing the OrderCreated, CONFIRMED while processing the second outcome.
        Set<String> statusParents = trace.stream().filter(s -> s.getName().equals("send " + ns + "order-status"))
                .map(SpanData::getParentSpanId).collect(Collectors.toSet());
        assertThat(statusParents).contains(one(trace, "process " + ns + "orders@" + ns + "order-service").getSpanId());
        assertThat(statusParents).containsAnyOf(
                one(trace, "process " + ns + "payments@" + ns + "order-service").getSpanId(),
                one(trace, "process " + ns + "inventory@" + ns + "order-service").getSpanId());

        Map<String, String> after = scrapeAll();
        assertThat(sum(after.get("payment"), "fastship_processing_seconds_count", "processor=\"payment-processor\""))
                .isGreaterThan(sum(before.get("payment"), "fastship_processing_seconds_count",
                        "processor=\"payment-processor\""));
        assertThat(sum(after.get("inventory"), "fastship_processing_seconds_count",
                "processor=\"order-coordinator\"")).isGreaterThan(sum(before.get("inventory"),
                "fastship_processing_seconds_count", "processor=\"order-coordinator\""));
        assertThat(sum(after.get("order"), "fastship_order_completion_seconds_count", "status=\"CONFIRMED\""))
                .isGreaterThan(sum(before.get("order"), "fastship_order_completion_seconds_count",
                        "status=\"CONFIRMED\""));
        assertThat(sum(after.get("order"), "fastship_order_status_changes_total", "status=\"CONFIRMED\"",
                "reason=\"none\"")).isGreaterThan(sum(before.get("order"), "fastship_order_status_changes_total",
                "status=\"CONFIRMED\"", "reason=\"none\""));
        assertThat(sum(after.get("order"), "fastship_event_latency_seconds_count", "processor=\"order-saga\""))
                .isGreaterThan(sum(before.get("order"), "fastship_event_latency_seconds_count",
                        "processor=\"order-saga\""));
        assertThat(sum(after.get("payment"), "fastship_http_server_requests_seconds_count", "route=\"/metrics\""))
                .isGreaterThan(sum(before.get("payment"), "fastship_http_server_requests_seconds_count",
                        "route=\"/metrics\""));
        // Per-partition records_lag joins the client metrics at the binder's next refresh (a minute); _max is there.
        for (String scrape : after.values()) {
            assertThat(scrape).contains("kafka_consumer_fetch_manager_records_lag_max{")
                    .contains("jvm_memory_used_bytes").contains("fastship_processing_seconds_bucket{");
        }
    }

    @Test
    void anOrderEventWithoutTraceHeadersIsStillProcessedUnderANewTrace() throws Exception {
        String orderId = UUID.randomUUID().toString();
        OrderCreated event = OrderCreated.newBuilder().setEventId(UUID.randomUUID().toString()).setOrderId(orderId)
                .setCustomerId("c-untraced").setCreatedAt(Instant.now()).setCurrency("EUR")
                .setItems(List.of(new LineItem(SKU, 1, 1_00L))).setTotalMinor(1_00L).setPaymentToken("tok-visa")
                .build();
        try (KafkaClients clients = new KafkaClients(KafkaConnection.of(stack.bootstrapServers(),
                stack.schemaRegistryUrl()), "it-untraced");
             KafkaProducer<String, OrderCreated> producer = clients.producer("it-untraced", Map.of())) {
            ProducerRecord<String, OrderCreated> record = new ProducerRecord<>(
                    Topics.ORDERS.inNamespace(namespace).name(), orderId, event);
            producer.send(record).get();
            assertThat(record.headers().lastHeader("traceparent")).isNull();
        }

        var decided = get(order.baseUrl() + "/orders/" + orderId + "?waitForFinal=60s");
        assertThat(json(decided).get("status").asText()).isEqualTo("CONFIRMED");
        String paymentProcess = "process " + namespace + ".orders";
        SpanData processed = await().atMost(WAIT).until(() -> span(s -> s.getName().equals(paymentProcess)
                && orderId.equals(s.getAttributes().get(MessagingAttributes.ORDER_ID))
                && (namespace + ".payment-service").equals(s.getAttributes().get(MessagingAttributes.CONSUMER_GROUP))),
                s -> s != null);
        assertThat(processed.getParentSpanContext().isValid()).isFalse();
        SpanData paymentSent = await().atMost(WAIT).until(() -> span(s -> s.getName().equals("send " + namespace
                + ".payments") && orderId.equals(s.getAttributes().get(MessagingAttributes.ORDER_ID))), s -> s != null);
        assertThat(paymentSent.getTraceId()).isEqualTo(processed.getTraceId());
    }

    private Map<String, String> scrapeAll() {
        return Map.of("order", order.scrapeMetrics(),
                "payment", get(base(payment.httpPort()) + "/metrics").body(),
                "inventory", get(base(inventory.httpPort()) + "/metrics").body());
    }

    /** Sum of the samples of a metric whose labels contain every fragment. */
    private static double sum(String scrape, String metric, String... labelFragments) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(metric) + "\\{([^}]*)} (\\S+)$").matcher(scrape);
        double total = 0;
        while (line.find()) {
            String labels = line.group(1);
            boolean all = true;
            for (String fragment : labelFragments) {
                all &= labels.contains(fragment);
            }
            if (all) {
                total += Double.parseDouble(line.group(2));
            }
        }
        return total;
    }

    private List<SpanData> spansOf(String traceId) {
        return exporter.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    private SpanData span(java.util.function.Predicate<SpanData> matching) {
        return exporter.getFinishedSpanItems().stream().filter(matching).findFirst().orElse(null);
    }

    /** Span names, a consumer span qualified by its group: {@code process <topic>@<group>}. */
    private static Set<String> names(List<SpanData> spans) {
        return spans.stream().map(TracingAcrossServicesIT::name).collect(Collectors.toSet());
    }

    private static String name(SpanData span) {
        String group = span.getAttributes().get(MessagingAttributes.CONSUMER_GROUP);
        return group == null ? span.getName() : span.getName() + "@" + group;
    }

    private static SpanData one(List<SpanData> trace, String name) {
        List<SpanData> matching = trace.stream().filter(s -> name(s).equals(name)).toList();
        assertThat(matching).as(name).isNotEmpty();
        return matching.get(0);
    }

    private static String base(int port) {
        return "http://127.0.0.1:" + port;
    }

    private static String orderJson(String customerId, String sku, int quantity, long unitPrice) {
        return "{\"customerId\":\"" + customerId + "\",\"currency\":\"EUR\",\"items\":[{\"sku\":\"" + sku
                + "\",\"quantity\":" + quantity + ",\"unitPrice\":" + unitPrice + "}],\"paymentToken\":\"tok-visa\"}";
    }

    private static HttpResponse<String> post(String url, String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + response.body(), e);
        }
    }
}
