package io.fastship.order.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import io.fastship.events.InventoryEvent;
import io.fastship.events.InventoryStatus;
import io.fastship.events.LineItem;
import io.fastship.events.OrderCreated;
import io.fastship.events.OrderStatus;
import io.fastship.events.PaymentEvent;
import io.fastship.events.PaymentStatus;
import io.fastship.platform.config.KafkaConnection;
import io.fastship.platform.streams.StreamsSettings;
import io.fastship.platform.tracing.RecordObserver;
import io.fastship.platform.tracing.Tracing;
import io.fastship.schemas.EventTopics;
import io.fastship.schemas.TopicSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STATE_RETENTION in the saga: closed orders' views are deleted after it, open ones never. */
class RetentionPurgeTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    // Longer than the retention, so an open order stays PENDING through the whole test.
    private static final Duration DEADLINE = Duration.ofHours(1);
    private static final Duration RETENTION = Duration.ofMinutes(5);
    private static final Duration SCAN = Duration.ofSeconds(1);
    private static final String APP = "order-retention-test";

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, OrderCreated> orders;
    private TestInputTopic<String, PaymentEvent> payments;
    private TestInputTopic<String, InventoryEvent> inventory;
    private KeyValueStore<String, OrderView> views;

    @BeforeEach
    void startDriver() {
        LocalSchemaRegistry registry = new LocalSchemaRegistry();
        Map<String, Object> registryConfig = Map.of("schema.registry.url", "http://registry.invalid:8081");
        EventTopics topics = EventTopics.resolve("", TopicSettings.DEFAULT_PARTITIONS, registry, registryConfig);
        var topology = OrderTopology.build(topics, OrderViewSerde.create(registry, registryConfig),
                new OrderSaga(DEADLINE), SCAN, RETENTION, (view, emitted) -> { },
                new RecordObserver(Tracing.propagatingOnly(), new SimpleMeterRegistry(), "order-saga", APP,
                        Clock.systemUTC()));
        Properties props = new Properties();
        props.putAll(StreamsSettings.exactlyOnce(APP, KafkaConnection.of("unused:9092", "http://registry.invalid:8081"),
                stateDir, Optional.of("localhost:8080"), 0, Duration.ofMillis(100)));
        driver = new TopologyTestDriver(topology, props, START);
        orders = driver.createInputTopic(topics.orders().name(), Serdes.String().serializer(),
                topics.orders().valueSerde().serializer(), START, Duration.ZERO);
        payments = driver.createInputTopic(topics.payments().name(), Serdes.String().serializer(),
                topics.payments().valueSerde().serializer(), START, Duration.ZERO);
        inventory = driver.createInputTopic(topics.inventory().name(), Serdes.String().serializer(),
                topics.inventory().valueSerde().serializer(), START, Duration.ZERO);
        views = driver.getKeyValueStore(OrderTopology.VIEWS);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldDeleteAFinalOrdersViewOnceTheRetentionHasPassed() {
        confirm("o-1");
        passTime(RETENTION.minusSeconds(1));
        assertThat(views.get("o-1")).as("kept until the retention has passed").isNotNull();

        passTime(RETENTION.plusSeconds(1));

        assertThat(views.get("o-1")).as("deleted (a tombstone in the changelog)").isNull();
        assertThat(entriesOf(OrderTopology.EXPIRY)).isEmpty();
        assertThat(entriesOf(OrderTopology.DEADLINES)).noneMatch(e -> e.value.startsWith("o-1"));
    }

    @Test
    void shouldNeverDeleteAnOpenOrder() {
        orders.pipeInput("o-open", created("o-open", START));
        confirm("o-closed");

        passTime(RETENTION.multipliedBy(3));

        assertThat(views.get("o-closed")).isNull();
        assertThat(views.get("o-open").status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void shouldCountTheRetentionFromTheLastChangeOfAClosedOrder() {
        orders.pipeInput("o-2", created("o-2", START));
        payments.pipeInput("o-2", payment("o-2", PaymentStatus.DECLINED));
        // Compensation recorded later: the view changed, so it is kept a full retention after that change.
        driver.advanceWallClockTime(Duration.ofMinutes(2));
        inventory.pipeInput("o-2", stock("o-2", InventoryStatus.RESERVED), START.plus(Duration.ofMinutes(2)));

        passTime(RETENTION.plusSeconds(1));
        assertThat(views.get("o-2")).as("only 3 min after its last change").isNotNull();

        passTime(RETENTION.plus(Duration.ofMinutes(2)).plusSeconds(1));
        assertThat(views.get("o-2")).isNull();
    }

    @Test
    void shouldDeleteTheViewOfAnOrderWhoseOrderCreatedNeverArrived() {
        payments.pipeInput("o-orphan", payment("o-orphan", PaymentStatus.AUTHORIZED));
        assertThat(views.get("o-orphan")).isNotNull();

        passTime(RETENTION.plusSeconds(1));

        assertThat(views.get("o-orphan")).isNull();
    }

    @Test
    void shouldKeepAnOrphanThatBecameAnOpenOrder() {
        payments.pipeInput("o-3", payment("o-3", PaymentStatus.AUTHORIZED));
        orders.pipeInput("o-3", created("o-3", START));

        passTime(RETENTION.multipliedBy(2));

        assertThat(views.get("o-3").status()).isEqualTo(OrderStatus.PENDING);
    }

    private void confirm(String orderId) {
        orders.pipeInput(orderId, created(orderId, START));
        payments.pipeInput(orderId, payment(orderId, PaymentStatus.AUTHORIZED));
        inventory.pipeInput(orderId, stock(orderId, InventoryStatus.RESERVED));
        assertThat(views.get(orderId).status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    /** Moves stream time (an unrelated order stamped then) and the wall clock to START + {@code since}. */
    private void passTime(Duration since) {
        Instant at = START.plus(since);
        String tick = "tick-" + since.toMillis();
        orders.pipeInput(tick, created(tick, at), at);
        driver.advanceWallClockTime(SCAN);
    }

    private List<KeyValue<String, String>> entriesOf(String store) {
        KeyValueStore<String, String> index = driver.getKeyValueStore(store);
        List<KeyValue<String, String>> all = new java.util.ArrayList<>();
        try (KeyValueIterator<String, String> it = index.all()) {
            it.forEachRemaining(all::add);
        }
        return all;
    }

    private static OrderCreated created(String orderId, Instant at) {
        return OrderCreated.newBuilder().setEventId("e-" + orderId).setOrderId(orderId).setCustomerId("c-1")
                .setCreatedAt(at).setCurrency("EUR").setItems(List.of(new LineItem("SKU-1", 2, 1250L)))
                .setTotalMinor(2500).setPaymentToken("tok").build();
    }

    private static PaymentEvent payment(String orderId, PaymentStatus status) {
        return PaymentEvent.newBuilder().setEventId("p-" + orderId + "-" + status).setOrderId(orderId).setStatus(status)
                .setAmountMinor(2500).setCurrency("EUR").setOccurredAt(START).build();
    }

    private static InventoryEvent stock(String orderId, InventoryStatus status) {
        return InventoryEvent.newBuilder().setEventId("i-" + orderId + "-" + status).setOrderId(orderId)
                .setStatus(status).setLines(List.of()).setOccurredAt(START).build();
    }
}
