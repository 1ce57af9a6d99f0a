package io.fastship.payment;

import java.util.Optional;

import io.fastship.events.OrderCreated;
import io.fastship.platform.deadletter.DeadLetter;
import io.fastship.platform.failure.FailureClassifier;
import io.fastship.schemas.CurrencyCodes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/** Reading input records: poison becomes a dead letter, registry trouble is thrown (transient), orders validated. */
final class PaymentDecoding {

    /** Compiled once: {@code String.matches} compiles its pattern on every call, here once per order. */

    private PaymentDecoding() {
    }

    static <T> Optional<T> decode(ConsumerRecord<String, byte[]> record, Deserializer<T> deserializer, PaymentWork work) {
        if (record.value() == null) {
            work.deadLetter(record, DeadLetter.Stage.DESERIALIZATION,
                    new SerializationException("record has no value (tombstone)"));
            return Optional.empty();
        }
        try {
            return Optional.of(deserializer.deserialize(record.topic(), record.headers(), record.value()));
        } catch (RuntimeException e) {
            if (isTransient(e)) {
                throw e;
            }
            work.deadLetter(record, DeadLetter.Stage.DESERIALIZATION, e);
            return Optional.empty();
        }
    }

    /** Registry unreachable, overloaded or refusing our credentials: not the record's fault, so retry it later. */
    static boolean isTransient(Throwable error) {
        return FailureClassifier.isTransient(error);
    }

    /** Null when the order can be charged; otherwise why it never can. */
    static String invalidReason(ConsumerRecord<String, byte[]> record, OrderCreated order) {
        if (order.getOrderId() == null || order.getOrderId().isBlank()) {
            return "orderId is blank";
        }
        if (!order.getOrderId().equals(record.key())) {
            return "record key '" + record.key() + "' is not the orderId '" + order.getOrderId() + "'";
        }
        if (order.getTotalMinor() < 0) {
            return "totalMinor is negative: " + order.getTotalMinor();
        }
        if (!CurrencyCodes.isIso4217(order.getCurrency())) {
            return "currency is not an ISO-4217 code: '" + order.getCurrency() + "'";
        }
        return null;
    }
}
