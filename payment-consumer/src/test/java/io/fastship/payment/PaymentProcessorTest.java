package io.fastship.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.fastship.events.LineItem;
import io.fastship.events.OrderCreated;
import io.fastship.events.PaymentStatus;
import io.fastship.schemas.registry.SchemaRegistryException;
import io.fastship.schemas.registry.SchemaRegistryUnavailableException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class PaymentProcessorTest {

    @Test
    void registryOutagesAreTransientWhileUnreadableRecordsArePoison() {
        assertThat(PaymentDecoding.isTransient(new SerializationException("x",
                new SchemaRegistryUnavailableException("down", null)))).isTrue();
        assertThat(PaymentDecoding.isTransient(new SerializationException("x",
                new SchemaRegistryException(503, -1, "busy")))).isTrue();
        assertThat(PaymentDecoding.isTransient(new SerializationException("x",
                new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "no such id")))).isFalse();
        assertThat(PaymentDecoding.isTransient(new SerializationException("Unknown magic byte"))).isFalse();
    }

    @Test
    void anOrderWhoseKeyIsNotItsIdOrWhoseAmountIsNegativeIsInvalid() {
        OrderCreated order = order("o-1", 100, "EUR");

        assertThat(PaymentDecoding.invalidReason(record("o-1"), order)).isNull();
        assertThat(PaymentDecoding.invalidReason(record("other"), order)).contains("is not the orderId");
        assertThat(PaymentDecoding.invalidReason(record("o-1"), order("o-1", -1, "EUR"))).contains("negative");
        assertThat(PaymentDecoding.invalidReason(record("o-1"), order("o-1", 1, "euro"))).contains("ISO-4217");
    }

    @Test
    void theSameOrderAndOutcomeAlwaysGetTheSameEventId() {
        assertThat(PaymentEvents.eventId("o-1", PaymentStatus.AUTHORIZED))
                .isEqualTo(PaymentEvents.eventId("o-1", PaymentStatus.AUTHORIZED))
                .isNotEqualTo(PaymentEvents.eventId("o-1", PaymentStatus.REFUNDED))
                .isNotEqualTo(PaymentEvents.eventId("o-2", PaymentStatus.AUTHORIZED));
    }

    private static ConsumerRecord<String, byte[]> record(String key) {
        return new ConsumerRecord<>("orders", 0, 0, key, new byte[0]);
    }

    private static OrderCreated order(String orderId, long total, String currency) {
        return OrderCreated.newBuilder().setEventId("e").setOrderId(orderId).setCustomerId("c")
                .setCreatedAt(Instant.EPOCH).setCurrency(currency)
                .setItems(List.of(LineItem.newBuilder().setSku("S").setQuantity(1).setUnitPriceMinor(total).build()))
                .setTotalMinor(total).setPaymentToken("tok").build();
    }
}
