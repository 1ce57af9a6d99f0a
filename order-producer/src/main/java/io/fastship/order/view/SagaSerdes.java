package io.fastship.order.view;

import java.util.Map;

import io.fastship.events.InventoryEvent;
import io.fastship.events.OrderCreated;
import io.fastship.events.OrderStatusChanged;
import io.fastship.events.PaymentEvent;
import io.fastship.schemas.registry.SchemaRegistryClient;
import io.fastship.schemas.serde.AvroSerdes;
import org.apache.kafka.common.serialization.Serde;

/** The Avro serdes of the saga's topics and of its view store, sharing one registry client. */
public record SagaSerdes(Serde<OrderCreated> orders, Serde<PaymentEvent> payments, Serde<InventoryEvent> inventory,
                         Serde<OrderStatusChanged> orderStatus, Serde<OrderView> views) {

    public static SagaSerdes create(SchemaRegistryClient registry, Map<String, Object> registryConfig) {
        return new SagaSerdes(
                AvroSerdes.specific(OrderCreated.class, registry, registryConfig, false),
                AvroSerdes.specific(PaymentEvent.class, registry, registryConfig, false),
                AvroSerdes.specific(InventoryEvent.class, registry, registryConfig, false),
                AvroSerdes.specific(OrderStatusChanged.class, registry, registryConfig, false),
                OrderViewSerde.create(registry, registryConfig));
    }
}
