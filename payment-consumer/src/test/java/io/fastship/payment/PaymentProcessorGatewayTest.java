package io.fastship.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.fastship.events.LineItem;
import io.fastship.events.OrderCreated;
import io.fastship.events.OrderStatus;
import io.fastship.events.OrderStatusChanged;
import io.fastship.events.PaymentEvent;
import io.fastship.events.PaymentStatus;
import io.fastship.payment.gateway.Charge;
import io.fastship.payment.gateway.GatewayDecisions;
import io.fastship.payment.gateway.GatewayResponse;
import io.fastship.payment.gateway.GatewayRetrier;
import io.fastship.payment.gateway.GatewayUnavailableException;
import io.fastship.payment.gateway.PaymentGateway;
import io.fastship.payment.gateway.Refund;
import io.fastship.payment.gateway.SimulatedPaymentGateway;
import io.fastship.payment.gateway.SimulationRules;
import io.fastship.platform.processing.Backoff;
import io.fastship.platform.processing.TaskBatch;
import io.fastship.platform.processing.TaskResult;
import io.fastship.platform.tracing.RecordObserver;
import io.fastship.platform.tracing.Tracing;
import io.fastship.schemas.EventTopics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uncertain is not declined: what the processor emits when the gateway times out after charging, cannot be
 * reached, or an order is cancelled while its charge is unknown. Serdes are stand-ins (records by reference).
 */
class PaymentProcessorGatewayTest {

    // Only the names matter here: the codecs below stand in for the Avro serdes, so no registry is reached.
    private static final PaymentTopics TOPICS = PaymentTopics.of(EventTopics.resolve("t", 1, null,
            Map.of("schema.registry.url", "http://127.0.0.1:1")), "t.payment-service");

    private final FlakyGateway gateway = new FlakyGateway();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PaymentOutcomes outcomes;
    private final Map<String, Object> values = new HashMap<>();
    private final Map<String, PaymentEvent> emitted = new HashMap<>();
    private final PaymentProcessor processor;

    PaymentProcessorGatewayTest(@TempDir Path stateDir) {
        outcomes = new PaymentOutcomes(stateDir, Duration.ofDays(7), Clock.systemUTC());
        outcomes.restored(0, Map.of());
        PaymentCodecs codecs = new PaymentCodecs(TOPICS,
                (topic, bytes) -> (OrderCreated) values.get(new String(bytes, StandardCharsets.UTF_8)),
                (topic, bytes) -> (OrderStatusChanged) values.get(new String(bytes, StandardCharsets.UTF_8)),
                (topic, event) -> {
                    emitted.put(topic + "/" + event.getOrderId() + "/" + event.getStatus(), event);
                    return event.getStatus().name().getBytes(StandardCharsets.UTF_8);
                });
        PaymentMetrics metrics = new PaymentMetrics(registry);
        GatewayRetrier retrier = new GatewayRetrier(new Backoff(Duration.ofMillis(1), Duration.ofMillis(2)),
                Duration.ofMillis(200), Clock.systemUTC(), duration -> Thread.sleep(duration.toMillis()), () -> { });
        processor = new PaymentProcessor(codecs, new GatewayDecisions(gateway, retrier, metrics.decisionListener()),
                outcomes, null, metrics, Clock.systemUTC(),
                new RecordObserver(Tracing.propagatingOnly(), registry, "payment-processor", "g", Clock.systemUTC()));
    }

    @Test
    void aChargeThatTimedOutAfterChargingIsLookedUpAndAuthorizedNotDeclined() {
        gateway.timeoutsAfterCharge.set(1);
        OrderCreated order = order("o-1", 500);

        TaskResult result = process(created(order, 0));

        assertThat(result.processed()).isEqualTo(1);
        assertThat(statuses(result)).containsExactly("AUTHORIZED", "AUTHORIZED");
        assertThat(gateway.simulated.captured()).containsExactly(Map.entry("o-1", 500L));
        assertThat(counter("fastship_payment_gateway_lookups_total")).isEqualTo(1);
        assertThat(counter("fastship_payment_gateway_ambiguous_total")).isEqualTo(1);
    }

    @Test
    void whileTheGatewayCannotBeReachedTheOrderWaitsAndIsNeverDeclined() {
        gateway.down = true;
        OrderCreated order = order("o-1", 500);

        TaskResult result = process(created(order, 0));

        assertThat(result.processed()).isZero();
        assertThat(result.outputs()).isEmpty();
        assertThat(counter("fastship_payment_gateway_waits_total")).isEqualTo(1);

        gateway.down = false;
        TaskResult later = process(created(order, 0));

        assertThat(statuses(later)).containsExactly("AUTHORIZED", "AUTHORIZED");
    }

    @Test
    void onlyTheGatewaysOwnDeclineDeclines() {
        OrderCreated order = order("o-1", 500);
        order.setPaymentToken(SimulationRules.DECLINE_TOKEN);
        gateway.timeoutsAfterCharge.set(1);

        TaskResult result = process(created(order, 0));

        assertThat(statuses(result)).containsExactly("DECLINED", "DECLINED");
        assertThat(emitted.get(TOPICS.payments().name() + "/o-1/DECLINED").getReason()).contains("declined by issuer");
    }

    @Test
    void aCancellationOfAnOrderWhoseChargeWasNeverRecordedRefundsItBeforeClosingTheOrder() {
        // The charge went through but its answer was lost, and the saga cancelled the order meanwhile.
        gateway.simulated.authorize(new Charge("o-1", "tok_visa", 500, "EUR"));

        TaskResult result = process(cancelled("o-1", 0));

        assertThat(statuses(result)).containsExactly("DECLINED", "DECLINED");
        assertThat(gateway.simulated.captured()).isEmpty();
        assertThat(gateway.simulated.refunds()).isEqualTo(1);
    }

    @Test
    void aCancellationOfAnOrderTheGatewayNeverChargedClosesItOnlyOnceTheGatewayConfirms() {
        gateway.down = true;
        TaskResult waiting = process(cancelled("o-1", 0));
        assertThat(waiting.processed()).isZero();

        gateway.down = false;
        TaskResult closed = process(cancelled("o-1", 0));

        assertThat(statuses(closed)).containsExactly("DECLINED", "DECLINED");
        assertThat(gateway.simulated.refunds()).isZero();
    }

    @Test
    void aRefundWhoseAnswerWasLostIsConfirmedByLookupAndEmittedOnce() {
        OrderCreated order = order("o-1", 500);
        process(created(order, 0)).onCommit().run();
        gateway.refundTimeoutsAfterRefund.set(1);

        TaskResult result = process(cancelled("o-1", 1));

        assertThat(statuses(result)).containsExactly("REFUNDED", "REFUNDED");
        assertThat(gateway.simulated.refunds()).isEqualTo(1);
        assertThat(gateway.simulated.captured()).isEmpty();
    }

    private TaskResult process(ConsumerRecord<String, byte[]> record) {
        return processor.process(new TaskBatch("0", List.of(record), () -> false));
    }

    private static List<String> statuses(TaskResult result) {
        return result.outputs().stream().map(ProducerRecord::value)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8)).toList();
    }

    private double counter(String name) {
        return registry.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private ConsumerRecord<String, byte[]> created(OrderCreated order, long offset) {
        String ref = "order:" + order.getOrderId();
        values.put(ref, order);
        return new ConsumerRecord<>(TOPICS.orders().name(), 0, offset, order.getOrderId(),
                ref.getBytes(StandardCharsets.UTF_8));
    }

    private ConsumerRecord<String, byte[]> cancelled(String orderId, long offset) {
        String ref = "cancel:" + orderId;
        values.put(ref, OrderStatusChanged.newBuilder().setEventId("e").setOrderId(orderId)
                .setStatus(OrderStatus.CANCELLED).setReason("out of stock").setPaymentStatus(null)
                .setOccurredAt(Instant.EPOCH).build());
        return new ConsumerRecord<>(TOPICS.orderStatus().name(), 0, offset, orderId,
                ref.getBytes(StandardCharsets.UTF_8));
    }

    private static OrderCreated order(String orderId, long total) {
        return OrderCreated.newBuilder().setEventId("e").setOrderId(orderId).setCustomerId("c")
                .setCreatedAt(Instant.EPOCH).setCurrency("EUR")
                .setItems(List.of(LineItem.newBuilder().setSku("S").setQuantity(1).setUnitPriceMinor(total).build()))
                .setTotalMinor(total).setPaymentToken("tok_visa").build();
    }

    /** The simulated ledger behind scripted failures: lost answers after acting, or nothing reachable at all. */
    private static final class FlakyGateway implements PaymentGateway {

        final SimulatedPaymentGateway simulated = new SimulatedPaymentGateway(new SimulationRules(50_000),
                Duration.ZERO, 0.0, () -> 1.0, Sleeper.SYSTEM);
        final AtomicInteger timeoutsAfterCharge = new AtomicInteger();
        final AtomicInteger refundTimeoutsAfterRefund = new AtomicInteger();
        volatile boolean down;

        @Override
        public GatewayResponse authorize(Charge charge) {
            if (down) {
                throw new GatewayUnavailableException("read timed out", true);
            }
            GatewayResponse response = simulated.authorize(charge);
            if (timeoutsAfterCharge.getAndDecrement() > 0) {
                throw new GatewayUnavailableException("read timed out after charging", true);
            }
            return response;
        }

        @Override
        public GatewayResponse refund(Refund refund) {
            if (down) {
                throw new GatewayUnavailableException("read timed out", true);
            }
            GatewayResponse response = simulated.refund(refund);
            if (refundTimeoutsAfterRefund.getAndDecrement() > 0) {
                throw new GatewayUnavailableException("read timed out after refunding", true);
            }
            return response;
        }

        @Override
        public Optional<GatewayResponse> lookup(String orderId) {
            if (down) {
                throw new GatewayUnavailableException("connection refused", false);
            }
            return simulated.lookup(orderId);
        }
    }
}
