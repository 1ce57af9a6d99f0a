package io.fastship.payment;

import io.fastship.events.OrderCreated;
import io.fastship.events.OrderStatusChanged;
import io.fastship.events.PaymentEvent;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/** The payment service's topics and the serdes it reads and writes them with. */
public record PaymentCodecs(PaymentTopics topics, Deserializer<OrderCreated> orders,
                            Deserializer<OrderStatusChanged> statuses, Serializer<PaymentEvent> events) {
}
