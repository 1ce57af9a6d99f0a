package io.fastship.schemas;

import java.util.List;

import io.fastship.events.CatalogItem;
import io.fastship.events.InventoryEvent;
import io.fastship.events.OrderCreated;
import io.fastship.events.OrderStatusChanged;
import io.fastship.events.PaymentEvent;
import io.fastship.events.StockAdjusted;
import org.apache.kafka.common.serialization.Serdes;

/** The registry of every topic FastShip owns; no topic name is spelled anywhere else. */
public final class Topics {

    /** {@code OrderCreated}, written by the order service. */
    public static final Topic<OrderCreated> ORDERS =
            new Topic<>("orders", OrderCreated.class, "orderId", TopicSettings.events());

    /**
     * {@code PaymentEvent}, written by the payment service. Stamped on append, like {@link #INVENTORY}: the saga's
     * deadline and the chaos auditor judge when an outcome reached its topic by the record timestamp.
     */
    public static final Topic<PaymentEvent> PAYMENTS =
            new Topic<>("payments", PaymentEvent.class, "orderId", TopicSettings.events().withLogAppendTime());

    /** {@code InventoryEvent}, written by the inventory service; stamped on append (Streams would forward the input's). */
    public static final Topic<InventoryEvent> INVENTORY =
            new Topic<>("inventory", InventoryEvent.class, "orderId", TopicSettings.events().withLogAppendTime());

    /** {@code OrderStatusChanged}, written by the order service's saga; read for compensation. */
    public static final Topic<OrderStatusChanged> ORDER_STATUS =
            new Topic<>("order-status", OrderStatusChanged.class, "orderId", TopicSettings.events());

    /** {@code StockAdjusted}, written by operations; compacted, keyed by SKU. */
    public static final Topic<StockAdjusted> STOCK =
            new Topic<>("stock", StockAdjusted.class, "sku", TopicSettings.compacted());

    /** {@code CatalogItem}, written by operations; compacted, keyed by SKU: the price the order service charges. */
    public static final Topic<CatalogItem> CATALOG =
            new Topic<>("catalog", CatalogItem.class, "sku", TopicSettings.compacted());

    private static final String DEAD_LETTER_SUFFIX = ".dlq";

    private Topics() {
    }

    /** Every event topic, in the order the flow touches them. */
    public static List<Topic<?>> all() {
        return List.of(ORDERS, PAYMENTS, INVENTORY, ORDER_STATUS, STOCK, CATALOG);
    }

    /**
     * The dead-letter topic of a service (its consumer group or application id), e.g.
     * {@code payment-service.dlq}. Values there are the original bytes, untouched.
     */
    public static String deadLetter(String serviceId) {
        if (serviceId == null || serviceId.isBlank()) {
            throw new IllegalArgumentException("serviceId must not be blank");
        }
        return serviceId + DEAD_LETTER_SUFFIX;
    }

    /** The dead-letter topic of a service, raw bytes both ways, with {@code partitions} partitions. */
    public static TypedTopic<byte[], byte[]> deadLetterTopic(String serviceId, int partitions) {
        return new TypedTopic<>(deadLetter(serviceId), Serdes.ByteArray(), Serdes.ByteArray(),
                deadLetterSettings().withPartitions(partitions));
    }

    /**
     * A name inside a namespace ({@code TOPIC_NAMESPACE}): {@code staging.orders} for namespace {@code staging}.
     * Topics, consumer groups and application ids all follow it. Blank means none.
     */
    public static String inNamespace(String namespace, String name) {
        return namespace == null || namespace.isBlank() ? name : namespace.strip() + "." + name;
    }

    /** Settings of a dead-letter topic: kept longer than events, so an operator has time to look. */
    public static TopicSettings deadLetterSettings() {
        return TopicSettings.events().withRetention(java.time.Duration.ofDays(14));
    }
}
