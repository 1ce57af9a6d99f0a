package io.fastship.payment;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

import io.fastship.events.OrderCreated;
import io.fastship.events.PaymentEvent;
import io.fastship.events.PaymentStatus;

/** Builds the PaymentEvents the service emits, with ids that are the same for the same order and outcome. */
final class PaymentEvents {

    private final Clock clock;

    PaymentEvents(Clock clock) {
        this.clock = clock;
    }

    PaymentEvent of(OrderCreated order, PaymentStatus status, String reason, String reference) {
        return PaymentEvent.newBuilder().setEventId(eventId(order.getOrderId(), status)).setOrderId(order.getOrderId())
                .setStatus(status).setAmountMinor(order.getTotalMinor()).setCurrency(order.getCurrency())
                .setReason(reason).setGatewayReference(reference).setOccurredAt(clock.instant()).build();
    }

    /** A cancelled order that this service never charged (or whose charge it refunded first): nothing is kept. */
    PaymentEvent closedUncharged(String orderId, String reason, String reference) {
        return PaymentEvent.newBuilder().setEventId(eventId(orderId, PaymentStatus.DECLINED)).setOrderId(orderId)
                .setStatus(PaymentStatus.DECLINED).setAmountMinor(0).setCurrency("XXX").setReason(reason)
                .setGatewayReference(reference).setOccurredAt(clock.instant()).build();
    }

    /** Field by field, not {@code newBuilder(payment)}: that deep copy needs Avro to trust the enum classes. */
    PaymentEvent refunded(PaymentEvent payment, String reason, String reference) {
        return PaymentEvent.newBuilder().setEventId(eventId(payment.getOrderId(), PaymentStatus.REFUNDED))
                .setOrderId(payment.getOrderId()).setStatus(PaymentStatus.REFUNDED)
                .setAmountMinor(payment.getAmountMinor()).setCurrency(payment.getCurrency()).setReason(reason)
                .setGatewayReference(reference).setOccurredAt(clock.instant()).build();
    }

    /** The same order and outcome always get the same event id, so downstream can deduplicate on it too. */
    static String eventId(String orderId, PaymentStatus status) {
        return UUID.nameUUIDFromBytes(("payment:" + orderId + ":" + status).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
