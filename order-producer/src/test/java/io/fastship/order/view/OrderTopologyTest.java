package io.fastship.order.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import io.fastship.platform.tracing.RecordObserver;
import io.fastship.platform.tracing.Tracing;
import io.fastship.schemas.EventTopics;
import io.fastship.schemas.TopicSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.fastship.events.InventoryEvent;
import io.fastship.events.InventoryStatus;
import io.fastship.events.LineItem;
import io.fastship.events.OrderCreated;
import io.fastship.events.OrderStatus;
import io.fastship.events.OrderStatusChanged;
import io.fastship.events.PaymentEvent;
import io.fastship.events.PaymentStatus;
import io.fastship.platform.config.KafkaConnection;
import io.fastship.platform.deadletter.DeadLetterHeaders;
import io.fastship.platform.streams.StreamsSettings;
import io.fastship.schemas.Topics;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The saga topology against Kafka's TopologyTestDriver: every outcome combination, duplicates, late events, deadline. */
class OrderTopologyTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Duration SCAN = Duration.ofSeconds(1);
    private static final String APP = "order-service-test";

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, OrderCreated> orders;
    private TestInputTopic<String, PaymentEvent> payments;
    private TestInputTopic<String, InventoryEvent> inventory;
    private TestInputTopic<byte[], byte[]> rawPayments;
    private TestOutputTopic<String, OrderStatusChanged> statuses;
    private KeyValueStore<String, OrderView> views;
    private final List<OrderView> notified = new ArrayList<>();

    @BeforeEach
    void startDriver() {
        LocalSchemaRegistry registry = new LocalSchemaRegistry();
        Map<String, Object> registryConfig = Map.of("schema.registry.url", "http://registry.invalid:8081");
        EventTopics topics = EventTopics.resolve("", TopicSettings.DEFAULT_PARTITIONS, registry, registryConfig);
        var topology = OrderTopology.build(topics, OrderViewSerde.create(registry, registryConfig),
                new OrderSaga(DEADLINE), SCAN, (view, emitted) -> notified.add(view),
                new RecordObserver(Tracing.propagatingOnly(), new SimpleMeterRegistry(), "order-saga", APP,
                        Clock.systemUTC()));
        Properties props = new Properties();
        props.putAll(StreamsSettings.exactlyOnce(APP, KafkaConnection.of("unused:9092", "http://registry.invalid:8081"),
                stateDir, Optional.of("localhost:8080"), 0, Duration.ofMillis(100)));
        driver = new TopologyTestDriver(topology, props, START);
        // Records are stamped START unless a test says otherwise, as producers stamp them when the event happens.
        orders = driver.createInputTopic(topics.orders().name(), Serdes.String().serializer(),
                topics.orders().valueSerde().serializer(), START, Duration.ZERO);
        payments = driver.createInputTopic(topics.payments().name(), Serdes.String().serializer(),
                topics.payments().valueSerde().serializer(), START, Duration.ZERO);
        inventory = driver.createInputTopic(topics.inventory().name(), Serdes.String().serializer(),
                topics.inventory().valueSerde().serializer(), START, Duration.ZERO);
        rawPayments = driver.createInputTopic(topics.payments().name(), new ByteArraySerializer(),
                new ByteArraySerializer());
        statuses = driver.createOutputTopic(topics.orderStatus().name(), Serdes.String().deserializer(),
                topics.orderStatus().valueSerde().deserializer());
        views = driver.getKeyValueStore(OrderTopology.VIEWS);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldConfirmWhenPaymentIsAuthorizedAndStockReserved() {
        orders.pipeInput("o-1", created("o-1"));
        payments.pipeInput("o-1", payment("o-1", PaymentStatus.AUTHORIZED, null));
        inventory.pipeInput("o-1", stock("o-1", InventoryStatus.RESERVED, null));

        List<OrderStatusChanged> events = statuses.readValuesToList();
        assertThat(events).extracting(OrderStatusChanged::getStatus)
                .containsExactly(OrderStatus.PENDING, OrderStatus.CONFIRMED);
        assertThat(events.get(0).getPaymentStatus()).isNull();
        assertThat(events.get(1).getPaymentStatus()).isEqualTo(PaymentStatus.AUTHORIZED);
        assertThat(events.get(1).getInventoryStatus()).isEqualTo(InventoryStatus.RESERVED);
        assertThat(events.get(1).getReason()).isNull();
        OrderView view = views.get("o-1");
        assertThat(view.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(view.finalAt()).isEqualTo(START);
        assertThat(view.totalMinor()).isEqualTo(2500);
        assertThat(view.items()).containsExactly(new LineItem("SKU-1", 2, 1250L));
    }

    @ParameterizedTest(name = "payment {0}, stock {1} -> {2}")
    @CsvSource({
            "AUTHORIZED, RESERVED, CONFIRMED, ",
            "DECLINED,   RESERVED, CANCELLED, payment declined: card expired",
            "AUTHORIZED, REJECTED, CANCELLED, out of stock: SKU-1 short",
            "DECLINED,   REJECTED, CANCELLED, payment declined: card expired; out of stock: SKU-1 short"})
    void shouldDecideEveryOutcomeCombinationWhicheverArrivesFirst(PaymentStatus paid, InventoryStatus stocked,
                                                                  OrderStatus expected, String reason) {
        for (boolean paymentFirst : new boolean[] {true, false}) {
            String id = "o-" + paid + "-" + stocked + "-" + paymentFirst;
            orders.pipeInput(id, created(id));
            if (paymentFirst) {
                payments.pipeInput(id, payment(id, paid, "card expired"));
                inventory.pipeInput(id, stock(id, stocked, "SKU-1 short"));
            } else {
                inventory.pipeInput(id, stock(id, stocked, "SKU-1 short"));
                payments.pipeInput(id, payment(id, paid, "card expired"));
            }

            assertThat(views.get(id).status()).isEqualTo(expected);
            List<OrderStatusChanged> events = statuses.readValuesToList();
            OrderStatusChanged decision = events.stream().filter(e -> e.getStatus() == expected).findFirst().orElseThrow();
            assertThat(events.get(0).getStatus()).isEqualTo(OrderStatus.PENDING);
            if (expected == OrderStatus.CANCELLED && paid == PaymentStatus.DECLINED && stocked == InventoryStatus.REJECTED) {
                // Both failed: whichever came first cancelled; the other adds nothing to compensate.
                assertThat(events).hasSize(2);
            } else if (expected == OrderStatus.CANCELLED) {
                // The failure cancels at once; if the success came second it is carried by one more CANCELLED.
                boolean successSecond = (paid == PaymentStatus.DECLINED) == paymentFirst;
                assertThat(events).hasSize(successSecond ? 3 : 2);
                OrderStatusChanged last = events.get(events.size() - 1);
                assertThat(last.getStatus()).isEqualTo(OrderStatus.CANCELLED);
                assertThat(last.getPaymentStatus()).isEqualTo(paid);
                assertThat(last.getInventoryStatus()).isEqualTo(stocked);
            } else {
                assertThat(events).hasSize(2);
                assertThat(decision.getReason()).isNull();
            }
            if (reason != null && !(paid == PaymentStatus.DECLINED && stocked == InventoryStatus.REJECTED)) {
                assertThat(decision.getReason()).isEqualTo(reason);
            }
        }
    }

    @Test
    void shouldIgnoreDuplicatesAndContradictionsOfAFinalStatus() {
        orders.pipeInput("o-2", created("o-2"));
        orders.pipeInput("o-2", OrderCreated.newBuilder(created("o-2")).setTotalMinor(1).build());
        payments.pipeInput("o-2", payment("o-2", PaymentStatus.AUTHORIZED, null));
        payments.pipeInput("o-2", payment("o-2", PaymentStatus.AUTHORIZED, null));
        inventory.pipeInput("o-2", stock("o-2", InventoryStatus.RESERVED, null));
        OrderView confirmed = views.get("o-2");
        inventory.pipeInput("o-2", stock("o-2", InventoryStatus.RESERVED, null));
        payments.pipeInput("o-2", payment("o-2", PaymentStatus.DECLINED, "late contradiction"));
        inventory.pipeInput("o-2", stock("o-2", InventoryStatus.REJECTED, "late contradiction"));

        assertThat(statuses.readValuesToList()).extracting(OrderStatusChanged::getStatus)
                .containsExactly(OrderStatus.PENDING, OrderStatus.CONFIRMED);
        assertThat(views.get("o-2")).isEqualTo(confirmed);
        assertThat(confirmed.totalMinor()).as("the first OrderCreated wins").isEqualTo(2500);
    }

    @Test
    void shouldCancelWithTimeoutWhenAnOutcomeIsMissingAtTheDeadline() {
        orders.pipeInput("o-3", created("o-3"));
        payments.pipeInput("o-3", payment("o-3", PaymentStatus.AUTHORIZED, null));

        // Outcomes of other orders show both outcome topics read on: o-3's had until then to arrive, and did not.
        Instant before = START.plus(DEADLINE).minusSeconds(2);
        payments.pipeInput("o-3b", payment("o-3b", PaymentStatus.AUTHORIZED, null), before);
        inventory.pipeInput("o-3b", stock("o-3b", InventoryStatus.RESERVED, null), before);
        assertThat(views.get("o-3").status()).isEqualTo(OrderStatus.PENDING);
        Instant after = START.plus(DEADLINE).plusSeconds(1);
        payments.pipeInput("o-3c", payment("o-3c", PaymentStatus.AUTHORIZED, null), after);
        inventory.pipeInput("o-3c", stock("o-3c", InventoryStatus.RESERVED, null), after);

        List<OrderStatusChanged> events = statuses.readValuesToList().stream()
                .filter(event -> event.getOrderId().equals("o-3")).toList();
        assertThat(events).extracting(OrderStatusChanged::getStatus)
                .containsExactly(OrderStatus.PENDING, OrderStatus.CANCELLED);
        OrderStatusChanged cancelled = events.get(1);
        assertThat(cancelled.getReason()).isEqualTo(OrderSaga.TIMEOUT);
        assertThat(cancelled.getPaymentStatus()).as("so compensation refunds it").isEqualTo(PaymentStatus.AUTHORIZED);
        assertThat(cancelled.getInventoryStatus()).isNull();
        assertThat(views.get("o-3").cancellationReason()).isEqualTo(OrderSaga.TIMEOUT);
        assertThat(driver.<String, String>getKeyValueStore(OrderTopology.DEADLINES).get(
                DeadlineIndex.key(START.plus(DEADLINE), "o-3"))).isNull();
    }

    @Test
    void shouldNotCancelAnOrderWhoseOutcomesWereAppendedBeforeTheDeadlineButReadAfterANewerOrder() {
        // A newer order is read first (its partition had data, the outcome partitions were still behind: an open
        // transaction, a failover); its timestamp lies past o-30's deadline.
        orders.pipeInput("o-30", created("o-30"));
        orders.pipeInput("o-31", created("o-31"), START.plus(DEADLINE).plusSeconds(1));
        // Both outcomes of o-30 reached their topics before the deadline (append time) and are read only now.
        payments.pipeInput("o-30", payment("o-30", PaymentStatus.AUTHORIZED, null), START.plus(DEADLINE).minusSeconds(1));
        inventory.pipeInput("o-30", stock("o-30", InventoryStatus.RESERVED, null), START.plus(DEADLINE).minusSeconds(1));

        assertThat(views.get("o-30").status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(statuses.readValuesToList().stream().filter(event -> event.getOrderId().equals("o-30")))
                .extracting(OrderStatusChanged::getStatus).containsExactly(OrderStatus.PENDING, OrderStatus.CONFIRMED);
    }

    @Test
    void shouldTimeOutOnlyOnceBothOutcomeTopicsWereReadPastTheDeadline() {
        orders.pipeInput("o-32", created("o-32"));
        payments.pipeInput("o-32", payment("o-32", PaymentStatus.AUTHORIZED, null));
        Instant after = START.plus(DEADLINE).plusSeconds(1);
        payments.pipeInput("o-33", payment("o-33", PaymentStatus.AUTHORIZED, null), after);
        assertThat(views.get("o-32").status()).as("inventory not read past the deadline yet")
                .isEqualTo(OrderStatus.PENDING);

        inventory.pipeInput("o-33", stock("o-33", InventoryStatus.RESERVED, null), after);

        assertThat(views.get("o-32").status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(views.get("o-32").cancellationReason()).isEqualTo(OrderSaga.TIMEOUT);
    }

    @Test
    void shouldNotCancelAnOrderWhoseOutcomesWaitUnreadAfterAPauseLongerThanTheDeadline() {
        orders.pipeInput("o-20", created("o-20"));
        // The service was stopped for 45 s; meanwhile both outcomes were written, stamped a second after the order.
        driver.advanceWallClockTime(Duration.ofSeconds(45));
        payments.pipeInput("o-20", payment("o-20", PaymentStatus.AUTHORIZED, null), START.plusSeconds(1));
        inventory.pipeInput("o-20", stock("o-20", InventoryStatus.RESERVED, null), START.plusSeconds(1));

        assertThat(statuses.readValuesToList()).extracting(OrderStatusChanged::getStatus)
                .containsExactly(OrderStatus.PENDING, OrderStatus.CONFIRMED);
        assertThat(views.get("o-20").status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void shouldTimeOutAMissingOutcomeWhenTheInputsAreIdle() {
        orders.pipeInput("o-21", created("o-21"));
        payments.pipeInput("o-21", payment("o-21", PaymentStatus.AUTHORIZED, null));
        // Nothing arrives any more; the task keeps running (a tick a second).
        for (int second = 0; second < DEADLINE.toSeconds() + OrderSagaProcessor.IDLE_GRACE.toSeconds() + 2; second++) {
            driver.advanceWallClockTime(Duration.ofSeconds(1));
        }

        assertThat(views.get("o-21").status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(views.get("o-21").cancellationReason()).isEqualTo(OrderSaga.TIMEOUT);
    }

    @Test
    void shouldNotUseTheIdleFallbackRightAfterAPause() {
        orders.pipeInput("o-22", created("o-22"));
        driver.advanceWallClockTime(Duration.ofSeconds(45));
        // Running again, but the backlog has not been fetched yet: a few quiet seconds prove nothing.
        for (int second = 0; second < OrderSagaProcessor.IDLE_GRACE.toSeconds() - 2; second++) {
            driver.advanceWallClockTime(Duration.ofSeconds(1));
        }
        assertThat(views.get("o-22").status()).isEqualTo(OrderStatus.PENDING);
        inventory.pipeInput("o-22", stock("o-22", InventoryStatus.RESERVED, null), START.plusSeconds(2));
        payments.pipeInput("o-22", payment("o-22", PaymentStatus.AUTHORIZED, null), START.plusSeconds(2));

        assertThat(views.get("o-22").status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void shouldCarryALateOutcomeInAnotherCancelledEventWithoutReopeningTheOrder() {
        orders.pipeInput("o-4", created("o-4"));
        // Both outcome topics are read past the deadline; o-4's outcomes were appended after it: late.
        Instant late = START.plus(DEADLINE).plusSeconds(1);
        payments.pipeInput("o-4x", payment("o-4x", PaymentStatus.AUTHORIZED, null), late);
        inventory.pipeInput("o-4x", stock("o-4x", InventoryStatus.RESERVED, null), late);
        payments.pipeInput("o-4", payment("o-4", PaymentStatus.AUTHORIZED, null), late);
        inventory.pipeInput("o-4", stock("o-4", InventoryStatus.RESERVED, null), late);
        payments.pipeInput("o-4", payment("o-4", PaymentStatus.AUTHORIZED, null), late);

        List<OrderStatusChanged> events = statuses.readValuesToList().stream()
                .filter(event -> event.getOrderId().equals("o-4")).toList();
        assertThat(events).extracting(OrderStatusChanged::getStatus).containsExactly(OrderStatus.PENDING,
                OrderStatus.CANCELLED, OrderStatus.CANCELLED, OrderStatus.CANCELLED);
        assertThat(events).extracting(OrderStatusChanged::getReason).containsExactly(null, "timeout", "timeout", "timeout");
        assertThat(events.get(2).getPaymentStatus()).isEqualTo(PaymentStatus.AUTHORIZED);
        assertThat(events.get(2).getInventoryStatus()).isNull();
        assertThat(events.get(3).getPaymentStatus()).isEqualTo(PaymentStatus.AUTHORIZED);
        assertThat(events.get(3).getInventoryStatus()).isEqualTo(InventoryStatus.RESERVED);
        assertThat(events).extracting(OrderStatusChanged::getEventId).doesNotHaveDuplicates();
        assertThat(views.get("o-4").status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void shouldRecordCompensationWithoutEmittingAnything() {
        orders.pipeInput("o-5", created("o-5"));
        payments.pipeInput("o-5", payment("o-5", PaymentStatus.AUTHORIZED, null));
        inventory.pipeInput("o-5", stock("o-5", InventoryStatus.REJECTED, "none left"));
        payments.pipeInput("o-5", payment("o-5", PaymentStatus.REFUNDED, "order cancelled"));
        payments.pipeInput("o-5", payment("o-5", PaymentStatus.AUTHORIZED, null));

        assertThat(statuses.readValuesToList()).extracting(OrderStatusChanged::getStatus)
                .containsExactly(OrderStatus.PENDING, OrderStatus.CANCELLED);
        OrderView view = views.get("o-5");
        assertThat(view.paymentStatus()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(view.cancellationReason()).isEqualTo("out of stock: none left");
    }

    @Test
    void shouldNotTimeOutADecidedOrder() {
        orders.pipeInput("o-6", created("o-6"));
        payments.pipeInput("o-6", payment("o-6", PaymentStatus.AUTHORIZED, null));
        inventory.pipeInput("o-6", stock("o-6", InventoryStatus.RESERVED, null));

        driver.advanceWallClockTime(DEADLINE.multipliedBy(3));

        assertThat(statuses.readValuesToList()).extracting(OrderStatusChanged::getStatus)
                .containsExactly(OrderStatus.PENDING, OrderStatus.CONFIRMED);
        assertThat(driver.getKeyValueStore(OrderTopology.DEADLINES).approximateNumEntries()).isZero();
    }

    @Test
    void shouldDecideAtOnceWhenOutcomesOvertookTheOrder() {
        payments.pipeInput("o-7", payment("o-7", PaymentStatus.AUTHORIZED, null));
        inventory.pipeInput("o-7", stock("o-7", InventoryStatus.RESERVED, null));
        assertThat(statuses.isEmpty()).isTrue();

        orders.pipeInput("o-7", created("o-7"));

        assertThat(statuses.readValuesToList()).extracting(OrderStatusChanged::getStatus)
                .containsExactly(OrderStatus.PENDING, OrderStatus.CONFIRMED);
    }

    @Test
    void shouldGiveEveryStatusEventADeterministicId() {
        orders.pipeInput("o-8", created("o-8"));
        List<OrderStatusChanged> events = statuses.readValuesToList();

        assertThat(events.get(0).getEventId()).isEqualTo(OrderSagaProcessor.eventId("o-8", 1));
        assertThat(OrderSagaProcessor.eventId("o-8", 2)).isNotEqualTo(OrderSagaProcessor.eventId("o-8", 1));
    }

    @Test
    void shouldTellTheListenerAboutEveryChange() {
        orders.pipeInput("o-9", created("o-9"));
        payments.pipeInput("o-9", payment("o-9", PaymentStatus.DECLINED, null));
        payments.pipeInput("o-9", payment("o-9", PaymentStatus.DECLINED, null));

        assertThat(notified).extracting(OrderView::status).containsExactly(OrderStatus.PENDING, OrderStatus.CANCELLED);
    }

    @Test
    void shouldDeadLetterARecordWhoseKeyIsNotItsOrderIdAndGoOn() {
        TestOutputTopic<byte[], byte[]> deadLetters = driver.createOutputTopic(Topics.deadLetter(APP),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        payments.pipeInput("wrong-key", payment("o-10", PaymentStatus.AUTHORIZED, null));
        rawPayments.pipeInput("o-11".getBytes(StandardCharsets.UTF_8), "not avro".getBytes(StandardCharsets.UTF_8));
        orders.pipeInput("o-10", created("o-10"));

        // TopologyTestDriver routes the processing handler's dead letter, not the deserialization handler's
        // (that one is the platform's, tested there); both records are skipped and processing goes on.
        List<TestRecord<byte[], byte[]>> letters = deadLetters.readRecordsToList();
        assertThat(letters).isNotEmpty();
        assertThat(new String(letters.get(0).headers().lastHeader(DeadLetterHeaders.ERROR_MESSAGE).value(),
                StandardCharsets.UTF_8)).contains("does not match orderId");
        assertThat(new String(letters.get(0).headers().lastHeader(DeadLetterHeaders.ERROR_STAGE).value(),
                StandardCharsets.UTF_8)).isEqualTo("processing");
        assertThat(views.get("o-10").status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void shouldRoundTripTheViewThroughItsAvroForm() {
        orders.pipeInput("o-12", created("o-12"));
        payments.pipeInput("o-12", payment("o-12", PaymentStatus.DECLINED, "no funds"));
        OrderView view = views.get("o-12");

        assertThat(OrderViewCodec.fromAvro(OrderViewCodec.toAvro(view))).isEqualTo(view);
        assertThat(view.paymentReason()).isEqualTo("no funds");
        assertThat(view.deadlineAt()).isEqualTo(START.plus(DEADLINE));
    }

    private static OrderCreated created(String orderId) {
        return OrderCreated.newBuilder().setEventId("e-" + orderId).setOrderId(orderId).setCustomerId("c-1")
                .setCreatedAt(START).setCurrency("EUR").setItems(List.of(new LineItem("SKU-1", 2, 1250L)))
                .setTotalMinor(2500).setPaymentToken("tok").build();
    }

    private static PaymentEvent payment(String orderId, PaymentStatus status, String reason) {
        return PaymentEvent.newBuilder().setEventId("p-" + orderId + "-" + status).setOrderId(orderId).setStatus(status)
                .setAmountMinor(2500).setCurrency("EUR").setReason(reason).setOccurredAt(START).build();
    }

    private static InventoryEvent stock(String orderId, InventoryStatus status, String reason) {
        return InventoryEvent.newBuilder().setEventId("i-" + orderId + "-" + status).setOrderId(orderId)
                .setStatus(status).setLines(List.of()).setReason(reason).setOccurredAt(START).build();
    }
}
