package io.fastship.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.fastship.events.InventoryEvent;
import io.fastship.events.InventoryStatus;
import io.fastship.events.LineItem;
import io.fastship.events.OrderCreated;
import io.fastship.inventory.http.StockRoutes;
import io.fastship.inventory.http.StockView;
import io.fastship.inventory.stock.StockSeeder;
import io.fastship.localstack.junit.KafkaStack;
import io.fastship.localstack.junit.WithKafkaStack;
import io.fastship.platform.config.KafkaConnection;
import io.fastship.platform.config.ServiceSettings;
import io.fastship.platform.tracing.Tracing;
import io.fastship.platform.deadletter.DeadLetterHeaders;
import io.fastship.platform.kafka.KafkaClients;
import io.fastship.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the service on one application id, six partitions, 500 orders racing for ten units of one
 * SKU: stock is never promised twice, never negative, conserved per SKU, and every order gets one outcome.
 */
@WithKafkaStack
class InventoryScaleOutIT {

    private static final String HOT = "SKU-HOT";
    private static final List<String> OTHERS = List.of("SKU-A", "SKU-B", "SKU-C", "SKU-D");
    private static final long HOT_UNITS = 10;
    private static final long OTHER_UNITS = 10_000;
    private static final int ORDERS = 500;
    private static final Duration BOUND = Duration.ofSeconds(45);

    private final HttpClient http = HttpClient.newHttpClient();
    /** Exit statuses the instances asked for under the runtime's failure policy (a poison record is no reason). */
    private final List<Integer> exits = new java.util.concurrent.CopyOnWriteArrayList<>();

    @TempDir
    Path stateDirs;

    @Test
    void twoInstancesReserveExactlyTheStockThereIsAndDecideEveryOrderOnce(KafkaStack stack) throws Exception {
        String namespace = stack.uniqueName("inv");
        KafkaConnection kafka = KafkaConnection.of(stack.bootstrapServers(), stack.schemaRegistryUrl());
        InventoryTopics topics = InventoryTestTopics.in(namespace);
        Map<String, Long> initial = new LinkedHashMap<>();
        initial.put(HOT, HOT_UNITS);
        OTHERS.forEach(sku -> initial.put(sku, OTHER_UNITS));
        StockSeeder.seed(kafka, namespace, 6, initial);

        try (KafkaClients clients = new KafkaClients(kafka, "inventory-it");
             InventoryService first = start(kafka, namespace, "a");
             InventoryService second = start(kafka, namespace, "b")) {
            await().atMost(BOUND).until(() -> running(first) && running(second)
                    && stockOf(first).size() == initial.size());
            assertThat(activeTasks(first)).as("tasks of instance a").isNotEmpty();
            assertThat(activeTasks(second)).as("tasks of instance b").isNotEmpty();

            Map<String, OrderCreated> orders = sendOrders(clients, topics);
            sendPoison(clients, topics);

            Map<String, InventoryEvent> outcomes = new HashMap<>();
            try (KafkaConsumer<String, byte[]> consumer = readerOf(clients, topics.inventory())) {
                Deserializer<InventoryEvent> values = clients.valueSerde(Topics.INVENTORY).deserializer();
                await().atMost(BOUND).until(() -> {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        outcomes.put(record.key(), values.deserialize(record.topic(), record.value()));
                    }
                    return outcomes.size() >= ORDERS;
                });
            }
            assertThat(outcomes.keySet()).isEqualTo(orders.keySet());
            List<InventoryEvent> reserved = outcomes.values().stream()
                    .filter(event -> event.getStatus() == InventoryStatus.RESERVED).toList();
            assertThat(reserved).hasSize((int) HOT_UNITS);
            assertThat(outcomes.values()).filteredOn(event -> event.getStatus() == InventoryStatus.REJECTED)
                    .hasSize(ORDERS - (int) HOT_UNITS)
                    .allSatisfy(event -> assertThat(event.getReason()).contains("insufficient stock for " + HOT));
            assertThat(outcomes.values()).flatExtracting(InventoryEvent::getLines)
                    .allSatisfy(line -> assertThat(line.getAvailable()).isNotNull().isNotNegative());

            Map<String, Long> expectedReserved = reservedUnits(reserved);
            // Rejected orders give their other lines back after the decision; wait for those releases to land.
            await().atMost(BOUND).until(() -> reservedBySku(stockOf(first)).equals(expectedReserved));
            List<StockView> stock = stockOf(second);
            assertThat(stock).hasSize(initial.size()).allSatisfy(view -> {
                assertThat(view.available()).isNotNegative();
                assertThat(view.available() + view.reserved()).isEqualTo(initial.get(view.sku()));
            });
            assertThat(stock).filteredOn(view -> view.sku().equals(HOT))
                    .containsExactly(new StockView(HOT, 0, HOT_UNITS));
            for (String sku : initial.keySet()) {
                assertThat(stockOf(first, sku)).isEqualTo(stockOf(second, sku));
            }

            Map<String, Long> outcomesPerOrder = readAll(clients, topics.inventory()).stream()
                    .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
            assertThat(outcomesPerOrder).hasSize(ORDERS).allSatisfy((orderId, count) -> assertThat(count).isOne());

            assertThat(get(first, "/metrics").body()).contains("fastship_inventory_reservations_total")
                    .contains("fastship_inventory_rejections_total").contains("fastship_state_entries{");
            assertThat(get(second, "/health").statusCode()).isEqualTo(200);

            List<ConsumerRecord<String, byte[]>> deadLetters = readAll(clients, topics.deadLetter());
            assertThat(deadLetters).hasSize(1);
            assertThat(header(deadLetters.get(0), DeadLetterHeaders.ERROR_STAGE)).isEqualTo("deserialization");
            assertThat(header(deadLetters.get(0), DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(topics.orders());
            assertThat(exits).as("a poison record is dead-lettered, never fatal").isEmpty();
        }
    }

    private InventoryService start(KafkaConnection kafka, String namespace, String instance) {
        ServiceSettings service = new ServiceSettings(kafka, "127.0.0.1", 0, "127.0.0.1", 0, namespace, 6, instance,
                Duration.ofSeconds(20), Duration.ofDays(7));
        return InventoryService.start(new InventoryConfig(service, stateDirs.resolve(instance), 0, 1,
                Duration.ofMillis(100)), Tracing.propagatingOnly(), exits::add);
    }

    private static boolean running(InventoryService service) {
        return service.streams().state() == KafkaStreams.State.RUNNING;
    }

    private static List<String> activeTasks(InventoryService service) {
        return service.streams().metadataForLocalThreads().stream()
                .flatMap(thread -> thread.activeTasks().stream())
                .map(task -> task.taskId().toString()).toList();
    }

    /** Every order wants one unit of the hot SKU, and some units of one or two others. */
    private static Map<String, OrderCreated> sendOrders(KafkaClients clients, InventoryTopics topics) throws Exception {
        Map<String, OrderCreated> orders = new LinkedHashMap<>();
        try (KafkaProducer<String, OrderCreated> producer = clients.producer("orders", Map.of())) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                List<LineItem> items = new ArrayList<>();
                items.add(new LineItem(HOT, 1, 500L));
                items.add(new LineItem(OTHERS.get(i % OTHERS.size()), 1 + i % 3, 250L));
                if (i % 5 == 0) {
                    items.add(new LineItem(OTHERS.get((i + 1) % OTHERS.size()), 2, 100L));
                }
                String orderId = UUID.randomUUID().toString();
                OrderCreated order = OrderCreated.newBuilder().setEventId(UUID.randomUUID().toString())
                        .setOrderId(orderId).setCustomerId("c-" + i).setCreatedAt(Instant.now()).setCurrency("EUR")
                        .setItems(items).setTotalMinor(items.stream()
                                .mapToLong(item -> item.getQuantity() * item.getUnitPriceMinor()).sum())
                        .setPaymentToken("tok").build();
                orders.put(orderId, order);
                acks.add(producer.send(new ProducerRecord<>(topics.orders(), orderId, order)));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        }
        return orders;
    }

    private static void sendPoison(KafkaClients clients, InventoryTopics topics) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = clients.bytesProducer("poison", Map.of())) {
            producer.send(new ProducerRecord<>(topics.orders(), "poison".getBytes(StandardCharsets.UTF_8),
                    "not avro".getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
        }
    }

    private static Map<String, Long> reservedUnits(List<InventoryEvent> reserved) {
        Map<String, Long> units = new HashMap<>();
        reserved.stream().flatMap(event -> event.getLines().stream())
                .forEach(line -> units.merge(line.getSku(), (long) line.getQuantity(), Long::sum));
        return units;
    }

    private static Map<String, Long> reservedBySku(List<StockView> stock) {
        return stock.stream().filter(view -> view.reserved() > 0)
                .collect(Collectors.toMap(StockView::sku, StockView::reserved));
    }

    private List<StockView> stockOf(InventoryService service) throws Exception {
        HttpResponse<String> response = get(service, "/stock");
        if (response.statusCode() != 200) {
            return List.of(); // state moving between instances; the caller waits
        }
        return JsonSerde.mapper().readValue(response.body(), StockRoutes.StockList.class).items();
    }

    private StockView stockOf(InventoryService service, String sku) throws Exception {
        HttpResponse<String> response = get(service, "/stock/" + sku);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonSerde.mapper().readValue(response.body(), StockView.class);
    }

    private HttpResponse<String> get(InventoryService service, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static KafkaConsumer<String, byte[]> readerOf(KafkaClients clients, String topic) {
        KafkaConsumer<String, byte[]> consumer = clients.consumer("unused-" + UUID.randomUUID(), "reader", Map.of());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /** Every committed record of the topic up to its current end (read_committed). */
    private static List<ConsumerRecord<String, byte[]>> readAll(KafkaClients clients, String topic) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = readerOf(clients, topic)) {
            Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(10));
            await().atMost(BOUND).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
            });
        }
        return records;
    }

    private static String header(ConsumerRecord<?, ?> record, String key) {
        return new String(record.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
