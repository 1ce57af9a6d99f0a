package io.fastship.payment;

import java.util.Optional;

import io.fastship.events.OrderStatus;
import io.fastship.events.OrderStatusChanged;
import io.fastship.events.PaymentEvent;
import io.fastship.events.PaymentStatus;
import io.fastship.payment.gateway.GatewayDecisions;
import io.fastship.payment.gateway.GatewayResponse;
import io.fastship.payment.gateway.Refund;
import io.fastship.platform.deadletter.DeadLetter;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A {@code CANCELLED} order gives its money back, once. With an {@code AUTHORIZED} payment on record: refund and
 * emit {@code REFUNDED}. With no payment on record yet (cancelled before we charged — or while an earlier charge
 * attempt's outcome was unknown, or by the saga's deadline while the gateway was down): ask the gateway whether a
 * charge exists; refund it if so; then close the order with {@code DECLINED}, so the {@code OrderCreated} still to
 * come charges nothing. While the gateway cannot answer, the cancellation waits: closing the order on a guess could
 * keep a charge.
 */
final class CancellationStep {

    private final PaymentCodecs codecs;
    private final GatewayDecisions gateway;
    private final PaymentEvents events;
    private final PaymentMetrics metrics;

    CancellationStep(PaymentCodecs codecs, GatewayDecisions gateway, PaymentEvents events, PaymentMetrics metrics) {
        this.codecs = codecs;
        this.gateway = gateway;
        this.events = events;
        this.metrics = metrics;
    }

    PaymentStep handle(ConsumerRecord<String, byte[]> record, PaymentWork work) {
        Optional<OrderStatusChanged> decoded = PaymentDecoding.decode(record, codecs.statuses(), work);
        if (decoded.isEmpty() || decoded.get().getStatus() != OrderStatus.CANCELLED) {
            return PaymentStep.DONE;
        }
        OrderStatusChanged cancelled = decoded.get();
        String orderId = cancelled.getOrderId();
        String reason = cancelled.getReason() == null ? "order cancelled" : cancelled.getReason();
        Optional<PaymentEvent> known = work.stage.get(orderId);
        if (known.isEmpty()) {
            return closeUnpaid(cancelled, reason, work);
        }
        PaymentEvent payment = known.get();
        if (payment.getStatus() != PaymentStatus.AUTHORIZED) {
            work.afterCommit(() -> metrics.duplicate("cancellation"));
            return PaymentStep.DONE;
        }
        // Events from before the HTTP gateway may lack the charge id; the gateway then answers 404, a dead letter.
        String chargeId = payment.getGatewayReference() == null ? "unknown" : payment.getGatewayReference();
        GatewayDecisions.Decision decision = gateway.refund(new Refund(orderId, chargeId,
                payment.getAmountMinor(), payment.getCurrency(), reason), work.batch::shouldStop);
        if (!decision.isDecided()) {
            metrics.waiting("refund");
            return PaymentStep.WAIT;
        }
        GatewayResponse response = decision.response().get();
        if (response.outcome() != GatewayResponse.Outcome.REFUNDED) {
            work.deadLetter(record, DeadLetter.Stage.PROCESSING, new IllegalStateException("gateway refused the "
                    + "refund of order " + orderId + ": " + response.outcome() + " " + response.reason()));
            return PaymentStep.DONE;
        }
        work.emit(events.refunded(payment, reason, response.reference()), null);
        return PaymentStep.DONE;
    }

    private PaymentStep closeUnpaid(OrderStatusChanged cancelled, String reason, PaymentWork work) {
        String orderId = cancelled.getOrderId();
        GatewayDecisions.Decision existing = gateway.existingCharge(orderId, work.batch::shouldStop);
        if (!existing.isDecided()) {
            metrics.waiting("cancellation");
            return PaymentStep.WAIT;
        }
        GatewayResponse charge = existing.response().get();
        String closing = "order cancelled before payment was taken: " + reason;
        if (charge.outcome() == GatewayResponse.Outcome.AUTHORIZED) {
            // A charge we never recorded (its answer was lost): give the money back before closing the order.
            GatewayDecisions.Decision refunded = gateway.refund(new Refund(orderId, charge.reference(), 0, "XXX",
                    reason), work.batch::shouldStop);
            if (!refunded.isDecided()
                    || refunded.response().get().outcome() != GatewayResponse.Outcome.REFUNDED) {
                metrics.waiting("refund");
                return PaymentStep.WAIT;
            }
            closing = "order cancelled before payment was recorded; charge " + charge.reference() + " refunded: "
                    + reason;
        }
        work.emit(events.closedUncharged(orderId, closing, charge.reference()), "order_cancelled");
        return PaymentStep.DONE;
    }
}
