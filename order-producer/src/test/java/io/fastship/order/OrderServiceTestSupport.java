package io.fastship.order;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fastship.events.CatalogItem;
import io.fastship.events.InventoryEvent;
import io.fastship.events.PriceSet;
import io.fastship.events.InventoryStatus;
import io.fastship.events.PaymentEvent;
import io.fastship.events.PaymentStatus;
import io.fastship.localstack.junit.KafkaStack;
import io.fastship.platform.config.Env;
import io.fastship.platform.config.KafkaConnection;
import io.fastship.platform.kafka.KafkaClients;
import io.fastship.platform.tracing.Tracing;
import io.fastship.platform.kafka.TopicInitializer;
import io.fastship.schemas.Topics;
import io.fastship.schemas.serde.KafkaAvroDeserializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Starting order services on the shared broker, talking HTTP to them, and reading and writing their topics. */
final class OrderServiceTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Exit statuses the services asked for under the runtime's failure policy (none in a passing test). */
    static final List<Integer> EXITS = new java.util.concurrent.CopyOnWriteArrayList<>();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private OrderServiceTestSupport() {
    }

    static OrderServiceConfig config(String bootstrap, String registry, String namespace, Path stateDir,
                                     Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put(KafkaConnection.BOOTSTRAP, bootstrap);
        env.put(KafkaConnection.REGISTRY, registry);
        env.put("HTTP_PORT", "0");
        env.put("TOPIC_NAMESPACE", namespace);
        env.put("INSTANCE_ID", "it-" + UUID.randomUUID().toString().substring(0, 8));
        env.put("STATE_DIR", stateDir.toString());
        env.put("STREAMS_STANDBY_REPLICAS", "0");
        env.put("SHUTDOWN_TIMEOUT", "5s");
        // Open by default, as ./fastship up; one shared id secret, as a deployment's instances share theirs.
        env.put("ORDER_ID_SECRET", TEST_ID_SECRET);
        if (!extra.containsKey("ORDER_API_KEYS")) {
            env.put("ORDER_AUTH", "none");
        }
        env.putAll(extra);
        OrderServiceConfig config = OrderServiceConfig.fromEnv(new Env(env));
        // Every test service sells TEST_CATALOG; written before it starts, as ./fastship up seeds before services.
        seedCatalog(bootstrap, registry, namespace, config.service().topicPartitions(), TEST_CATALOG);
        return config;
    }

    static final String TEST_ID_SECRET = "order-it-shared-id-secret-0123456789";

    /** SKU to price in EUR minor units, matching what the tests send. */
    static final Map<String, Long> TEST_CATALOG = Map.of("SKU-1", 100L, "SKU-2", 500L, "SKU-3", 100L, "SKU-4", 100L,
            "SKU-5", 100L, "SKU-6", 100L, "SKU-7", 1999L, "SKU-9", 300L, "SKU-TRACE", 150L);

    /** Writes catalog prices (EUR) to the namespace's catalog topic, creating it like the services do. */
    static void seedCatalog(String bootstrap, String registry, String namespace, int partitions,
                            Map<String, Long> prices) {
        String topic = Topics.CATALOG.inNamespace(namespace).name();
        try (KafkaClients clients = new KafkaClients(KafkaConnection.of(bootstrap, registry), "it-catalog")) {
            try (Admin admin = clients.admin()) {
                new TopicInitializer(admin, Duration.ofSeconds(30)).ensure(List.of(new TopicInitializer.Spec(topic,
                        Topics.CATALOG.settings().withPartitions(partitions))));
            }
            try (KafkaProducer<String, CatalogItem> producer = clients.producer("it-catalog", Map.of())) {
                for (Map.Entry<String, Long> price : prices.entrySet()) {
                    producer.send(new ProducerRecord<>(topic, price.getKey(), CatalogItem.newBuilder()
                            .setSku(price.getKey()).setPrice(new PriceSet(price.getValue(), "EUR"))
                            .setUpdatedAt(Instant.now()).build())).get(30, TimeUnit.SECONDS);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot seed the catalog of " + namespace, e);
        }
    }

    static OrderService startAndAwaitReady(OrderServiceConfig config) {
        OrderService service = OrderService.start(config, Tracing.propagatingOnly(), EXITS::add);
        await().atMost(Duration.ofSeconds(60)).until(() -> get(service.baseUrl() + "/health").statusCode() == 200);
        return service;
    }

    static String orderJson(String customerId, String sku, int quantity, long unitPrice) {
        return "{\"customerId\":\"" + customerId + "\",\"currency\":\"EUR\",\"items\":[{\"sku\":\"" + sku
                + "\",\"quantity\":" + quantity + ",\"unitPrice\":" + unitPrice + "}],\"paymentToken\":\"tok-visa\"}";
    }

    static HttpResponse<String> post(String url, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build());
    }

    static HttpResponse<String> get(String url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + response.body(), e);
        }
    }

    /** Every record in the topic right now, read committed, decoded with the project's Avro deserializer. */
    static <V> List<ConsumerRecord<String, V>> readAll(KafkaStack stack, String topic) {
        Map<String, Object> config = new HashMap<>(stack.clientConfig());
        config.put("isolation.level", "read_committed");
        config.put("schema.registry.url", stack.schemaRegistryUrl());
        config.put("specific.avro.reader", true);
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        KafkaAvroDeserializer<V> values = new KafkaAvroDeserializer<>();
        values.configure(config, false);
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            Instant deadline = Instant.now().plusSeconds(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(10)) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 30s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** Acts as the payment and inventory services: writes their outcomes for an order. */
    static void decide(KafkaStack stack, String namespace, String orderId, PaymentStatus payment,
                       InventoryStatus stock) {
        try (KafkaClients clients = new KafkaClients(KafkaConnection.of(stack.bootstrapServers(),
                stack.schemaRegistryUrl()), "it-outcomes");
             KafkaProducer<String, SpecificRecord> producer = clients.producer("it-outcomes-" + orderId, Map.of())) {
            if (payment != null) {
                producer.send(new ProducerRecord<>(Topics.PAYMENTS.inNamespace(namespace).name(), orderId,
                        PaymentEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setOrderId(orderId)
                                .setStatus(payment).setAmountMinor(1).setCurrency("EUR")
                                .setOccurredAt(Instant.now()).build()));
            }
            if (stock != null) {
                producer.send(new ProducerRecord<>(Topics.INVENTORY.inNamespace(namespace).name(), orderId,
                        InventoryEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setOrderId(orderId)
                                .setStatus(stock).setLines(List.of()).setOccurredAt(Instant.now()).build()));
            }
            producer.flush();
        } catch (Exception e) {
            throw new IllegalStateException("cannot write outcomes for " + orderId, e);
        }
    }
}
