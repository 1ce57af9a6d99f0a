package io.fastship.payment;

import java.util.Optional;

import io.fastship.events.OrderCreated;
import io.fastship.events.PaymentStatus;
import io.fastship.payment.gateway.Charge;
import io.fastship.payment.gateway.GatewayDecisions;
import io.fastship.payment.gateway.GatewayResponse;
import io.fastship.platform.deadletter.DeadLetter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code OrderCreated} to a charge and an {@code AUTHORIZED} or {@code DECLINED} event, once per order. DECLINED
 * only on the gateway's word that it declined: while it cannot say (down, or an ambiguous failure it cannot
 * resolve by lookup yet) the order waits, however long that takes. A budget running out is not a decline.
 */
final class ChargeStep {

    private static final Logger log = LoggerFactory.getLogger(ChargeStep.class);

    private final PaymentCodecs codecs;
    private final GatewayDecisions gateway;
    private final PaymentEvents events;
    private final PaymentMetrics metrics;

    ChargeStep(PaymentCodecs codecs, GatewayDecisions gateway, PaymentEvents events, PaymentMetrics metrics) {
        this.codecs = codecs;
        this.gateway = gateway;
        this.events = events;
        this.metrics = metrics;
    }

    PaymentStep handle(ConsumerRecord<String, byte[]> record, PaymentWork work) {
        Optional<OrderCreated> decoded = PaymentDecoding.decode(record, codecs.orders(), work);
        if (decoded.isEmpty()) {
            return PaymentStep.DONE;
        }
        OrderCreated order = decoded.get();
        String invalid = PaymentDecoding.invalidReason(record, order);
        if (invalid != null) {
            work.deadLetter(record, DeadLetter.Stage.PROCESSING, new IllegalArgumentException(invalid));
            return PaymentStep.DONE;
        }
        String orderId = order.getOrderId();
        if (work.stage.get(orderId).isPresent()) {
            log.info("Order {} already has a payment outcome; duplicate OrderCreated at {}-{}@{} emits nothing",
                    orderId, record.topic(), record.partition(), record.offset());
            work.afterCommit(() -> metrics.duplicate("order_created"));
            return PaymentStep.DONE;
        }
        Charge charge = new Charge(orderId, order.getPaymentToken(), order.getTotalMinor(), order.getCurrency());
        GatewayDecisions.Decision decision = gateway.authorize(charge, work.batch::shouldStop);
        if (!decision.isDecided()) {
            log.warn("Order {} waits for the gateway: {}", orderId, decision.pending());
            metrics.waiting("charge");
            return PaymentStep.WAIT;
        }
        GatewayResponse response = decision.response().get();
        switch (response.outcome()) {
            case AUTHORIZED -> work.emit(events.of(order, PaymentStatus.AUTHORIZED, null, response.reference()), null);
            case DECLINED -> work.emit(events.of(order, PaymentStatus.DECLINED, response.reason(),
                    response.reference()), "gateway");
            // Charged and refunded by someone else before we heard of it: nothing is kept, so it is a decline.
            default -> work.emit(events.of(order, PaymentStatus.DECLINED, "charge " + response.reference()
                    + " was refunded before the payment was recorded", response.reference()), "refunded_first");
        }
        return PaymentStep.DONE;
    }
}
