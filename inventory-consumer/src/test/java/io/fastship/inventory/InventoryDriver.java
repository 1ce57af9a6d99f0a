package io.fastship.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.fastship.events.AdjustmentMode;
import io.fastship.events.InventoryEvent;
import io.fastship.events.LineItem;
import io.fastship.events.OrderCreated;
import io.fastship.events.OrderStatus;
import io.fastship.events.OrderStatusChanged;
import io.fastship.events.StockAdjusted;
import io.fastship.inventory.metrics.InventoryMetrics;
import io.fastship.inventory.stock.StockKeeper;
import io.fastship.inventory.stock.StockLevel;
import io.fastship.schemas.EventTopics;
import io.fastship.platform.streams.DeadLetterHandlers;
import io.fastship.schemas.serde.AvroSerdes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.apache.kafka.streams.TopologyTestDriver;

/** The inventory topology on a {@link TopologyTestDriver}, with typed helpers to feed and read it. */
final class InventoryDriver implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    final InventoryTopics topics = InventoryTestTopics.in("");
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final TopologyTestDriver driver;
    private final TestInputTopic<String, OrderCreated> orders;
    private final TestInputTopic<String, OrderStatusChanged> statuses;
    private final TestInputTopic<String, StockAdjusted> stock;
    private final TestInputTopic<String, byte[]> rawOrders;
    private final TestOutputTopic<String, InventoryEvent> events;
    private final TestOutputTopic<byte[], byte[]> deadLetters;

    InventoryDriver() {
        this(io.fastship.platform.tracing.Tracing.propagatingOnly());
    }

    InventoryDriver(io.fastship.platform.tracing.Tracing tracing) {
        this(tracing, io.fastship.schemas.TopicSettings.events().retention());
    }

    /** A driver whose closed orders are forgotten {@code retention} after closing. */
    InventoryDriver(java.time.Duration retention) {
        this(io.fastship.platform.tracing.Tracing.propagatingOnly(), retention);
    }

    private InventoryDriver(io.fastship.platform.tracing.Tracing tracing, java.time.Duration retention) {
        EventTopics serdes = topics.events();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, topics.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        Map<String, Object> handlers = new java.util.HashMap<>();
        DeadLetterHandlers.install(handlers);
        DeadLetterHandlers.countInto(handlers, meters);
        props.putAll(handlers);
        driver = new TopologyTestDriver(InventoryTopology.build(topics, new InventoryMetrics(meters), tracing,
                meters, retention), props, NOW);
        StringSerializer keys = new StringSerializer();
        orders = driver.createInputTopic(topics.orders(), keys, serdes.orders().valueSerde().serializer());
        statuses = driver.createInputTopic(topics.orderStatus(), keys, serdes.orderStatus().valueSerde().serializer());
        stock = driver.createInputTopic(topics.stock(), keys, serdes.stock().valueSerde().serializer());
        rawOrders = driver.createInputTopic(topics.orders(), keys, new ByteArraySerializer());
        events = driver.createOutputTopic(topics.inventory(), new StringDeserializer(),
                serdes.inventory().valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(topics.deadLetter(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    void set(String sku, long units) {
        adjust(sku, AdjustmentMode.SET, units);
    }

    void adjust(String sku, AdjustmentMode mode, long units) {
        stock.pipeInput(sku, StockAdjusted.newBuilder().setEventId(UUID.randomUUID().toString()).setSku(sku)
                .setMode(mode).setQuantity(units).setOccurredAt(NOW).build());
    }

    /** A new order with lines given as sku, quantity, sku, quantity... */
    OrderCreated order(String orderId, Object... skuQuantityPairs) {
        OrderCreated order = orderCreated(orderId, skuQuantityPairs);
        orders.pipeInput(orderId, order);
        return order;
    }

    /** A new order stamped {@code at} (its records move the stream time). */
    void orderAt(Instant at, String orderId, Object... skuQuantityPairs) {
        orders.pipeInput(orderId, orderCreated(orderId, skuQuantityPairs), at);
    }

    void statusAt(Instant at, String orderId, OrderStatus status) {
        statuses.pipeInput(orderId, OrderStatusChanged.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOrderId(orderId).setStatus(status).setOccurredAt(at).build(), at);
    }

    io.fastship.inventory.order.OrderProgress progress(String orderId) {
        return driver.<String, io.fastship.inventory.order.OrderProgress>getKeyValueStore(
                io.fastship.inventory.order.OrderCoordinator.STORE).get(orderId);
    }

    io.fastship.inventory.stock.LineReservation reservation(String orderId, int line) {
        return driver.<String, io.fastship.inventory.stock.LineReservation>getKeyValueStore(
                StockKeeper.RESERVATIONS_STORE).get(orderId + "#" + line);
    }

    void pipe(OrderCreated order) {
        orders.pipeInput(order.getOrderId(), order);
    }

    void pipe(OrderCreated order, org.apache.kafka.common.header.Headers headers) {
        orders.pipeInput(new TestRecord<>(order.getOrderId(), order, headers, NOW));
    }

    /** The next inventory event with its headers. */
    TestRecord<String, InventoryEvent> nextEventRecord() {
        return events.readRecord();
    }

    void pipeRawOrder(String key, byte[] value) {
        rawOrders.pipeInput(key, value);
    }

    void pipeOrderWithKey(String key, OrderCreated order) {
        orders.pipeInput(key, order);
    }

    static OrderCreated orderCreated(String orderId, Object... skuQuantityPairs) {
        List<LineItem> items = new java.util.ArrayList<>();
        for (int i = 0; i < skuQuantityPairs.length; i += 2) {
            items.add(new LineItem((String) skuQuantityPairs[i], (Integer) skuQuantityPairs[i + 1], 1_00L));
        }
        long total = items.stream().mapToLong(item -> item.getQuantity() * item.getUnitPriceMinor()).sum();
        return OrderCreated.newBuilder().setEventId(UUID.randomUUID().toString()).setOrderId(orderId)
                .setCustomerId("customer-1").setCreatedAt(NOW).setCurrency("EUR").setItems(items)
                .setTotalMinor(total).setPaymentToken("tok_visa").build();
    }

    void cancel(String orderId, String reason) {
        status(orderId, OrderStatus.CANCELLED, reason);
    }

    void status(String orderId, OrderStatus status, String reason) {
        statuses.pipeInput(orderId, OrderStatusChanged.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOrderId(orderId).setStatus(status).setReason(reason).setOccurredAt(NOW).build());
    }

    List<InventoryEvent> events() {
        return events.readValuesToList();
    }

    List<TestRecord<byte[], byte[]>> deadLetters() {
        return deadLetters.readRecordsToList();
    }

    StockLevel level(String sku) {
        return driver.<String, StockLevel>getKeyValueStore(StockKeeper.STOCK_STORE).get(sku);
    }

    double counter(String name) {
        return meters.get(name).counter().count();
    }

    @Override
    public void close() {
        driver.close();
    }
}
