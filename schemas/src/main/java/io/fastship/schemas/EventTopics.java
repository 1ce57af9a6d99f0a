package io.fastship.schemas;

import java.util.List;
import java.util.Map;

import io.fastship.events.CatalogItem;
import io.fastship.events.InventoryEvent;
import io.fastship.events.OrderCreated;
import io.fastship.events.OrderStatusChanged;
import io.fastship.events.PaymentEvent;
import io.fastship.events.StockAdjusted;
import io.fastship.schemas.registry.SchemaRegistryClient;
import io.fastship.schemas.serde.AvroSerdes;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The event topics of {@link Topics}, resolved in one call for a namespace, a partition count and the
 * process's registry client: names prefixed, serdes built (sharing the client), settings fitted.
 */
public record EventTopics(TypedTopic<String, OrderCreated> orders, TypedTopic<String, PaymentEvent> payments,
                          TypedTopic<String, InventoryEvent> inventory,
                          TypedTopic<String, OrderStatusChanged> orderStatus, TypedTopic<String, StockAdjusted> stock,
                          TypedTopic<String, CatalogItem> catalog) {

    /** The topics of {@code namespace} (blank for none) with {@code partitions} each. */
    public static EventTopics resolve(String namespace, int partitions, SchemaRegistryClient registry,
                                      Map<String, ?> registryConfig) {
        return new EventTopics(typed(Topics.ORDERS, namespace, partitions, registry, registryConfig),
                typed(Topics.PAYMENTS, namespace, partitions, registry, registryConfig),
                typed(Topics.INVENTORY, namespace, partitions, registry, registryConfig),
                typed(Topics.ORDER_STATUS, namespace, partitions, registry, registryConfig),
                typed(Topics.STOCK, namespace, partitions, registry, registryConfig),
                typed(Topics.CATALOG, namespace, partitions, registry, registryConfig));
    }

    /** Every event topic, in the order the flow touches them (as {@link Topics#all()}). */
    public List<TypedTopic<String, ?>> all() {
        return List.of(orders, payments, inventory, orderStatus, stock, catalog);
    }

    private static <V extends SpecificRecord> TypedTopic<String, V> typed(Topic<V> topic, String namespace,
            int partitions, SchemaRegistryClient registry, Map<String, ?> registryConfig) {
        return new TypedTopic<>(topic.inNamespace(namespace).name(), Serdes.String(),
                AvroSerdes.specific(topic.valueType(), registry, registryConfig, false),
                topic.settings().withPartitions(partitions));
    }
}
